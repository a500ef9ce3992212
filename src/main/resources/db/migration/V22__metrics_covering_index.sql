-- The metrics read every case opened in the period (GET /api/metrics, the dashboard): this index starts with the
-- opening time and holds every column the case figures and the SLA join read, so the period is read from the index
-- alone instead of from the table's rows, which are several times wider (README, "Metrics": the benchmark).
CREATE INDEX ix_support_case_report ON support_case (created_at, status, assigned_group, channel, agent, priority, csat,
    escalation_level, reopen_count, agent_replies, acknowledged_at, first_response_at, resolved_at);
