-- Trend counting (trend-watch, GET /api/trends) reads a window of cases and customer messages by time, and only
-- indexes: the cases' category and opening sentiment by creation time, and each later customer message's own
-- sentiment score (kept on its timeline line, which cases writes) by type and time.
CREATE INDEX ix_support_case_created_trend ON support_case (created_at, category, sentiment);
ALTER TABLE case_event ADD COLUMN sentiment DOUBLE;
CREATE INDEX ix_case_event_type_at ON case_event (type, at, sentiment);
