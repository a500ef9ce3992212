-- case_report: the facts of each case that other features may join with their own tables in SQL (sla joins its
-- records to report over the cases opened in a period, and replays them in the policy simulation). Owned by
-- cases, like support_case itself, which no other feature names: they read a case through CaseService and
-- CaseReporting, or through this view. No customer details (address, name, words) are in it.
-- Columns may be added; renaming or removing one needs a migration that recreates the view and a look at its users.
CREATE VIEW case_report AS
SELECT id, reference, status, channel, customer_tier, severity, sentiment, intent, category, compliance, priority,
       assigned_group, escalation_level, reopen_count, csat, created_at, first_response_at, resolved_at, closed_at
FROM support_case;
