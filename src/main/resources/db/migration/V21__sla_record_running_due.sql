-- The dashboard and the metrics ask for running SLA targets due within the next hour (cases breaching soon): an
-- index by outcome and due time finds them among millions of settled records without a scan.
CREATE INDEX ix_sla_record_running_due ON sla_record (outcome, due_at);
