-- how long the case's SLA clock stood still while it waited on the customer, shown on the case
ALTER TABLE support_case ADD COLUMN sla_paused_seconds BIGINT NOT NULL DEFAULT 0;
