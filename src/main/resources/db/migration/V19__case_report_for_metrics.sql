-- Metrics per agent and first-contact resolution without reading the timeline case by case: the case keeps who
-- answered it last (agent) and how many answers agents gave (agent_replies), both written by cases with every agent
-- reply. Cases answered before this migration get their count from the timeline; their agent stays unknown (NULL,
-- reported under "unknown"). Portable between H2 and MySQL/MariaDB.
ALTER TABLE support_case ADD COLUMN agent VARCHAR(128);
ALTER TABLE support_case ADD COLUMN agent_replies INT NOT NULL DEFAULT 0;

UPDATE support_case SET agent_replies = (
    SELECT COUNT(*) FROM case_event e WHERE e.case_id = support_case.id AND e.type = 'agent-reply');

-- case_report gains what the metrics and the dashboard read: time of the acknowledgement, the agent, the number of
-- agent answers, and the process instance (the dashboard links a case into Cockpit). Still no customer details.
DROP VIEW case_report;
CREATE VIEW case_report AS
SELECT id, reference, status, channel, customer_tier, severity, sentiment, intent, category, compliance, priority,
       assigned_group, escalation_level, reopen_count, csat, created_at, first_response_at, resolved_at, closed_at,
       acknowledged_at, agent, agent_replies, process_instance_id
FROM support_case;
