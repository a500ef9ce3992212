-- The metrics read the cases opened in a period, optionally of one group, channel or agent (GET /api/metrics and
-- the dashboard): each filter has an index that starts with it and ends with the opening time, so a period of a
-- million-case table is found by a range scan (README, "Metrics": the benchmark's figures).
CREATE INDEX ix_support_case_created ON support_case (created_at);
CREATE INDEX ix_support_case_group_created ON support_case (assigned_group, created_at);
CREATE INDEX ix_support_case_channel_created ON support_case (channel, created_at);
CREATE INDEX ix_support_case_agent_created ON support_case (agent, created_at);
