-- One row per case and SLA target (response, resolution): what was promised, how long the clock was paused
-- while waiting on the customer, and whether the target was met or breached, and by how much. SLA compliance
-- is computed from these rows; the breach side is written by the BPMN timers, so the figure and the timers agree.
CREATE TABLE sla_record (
    case_id        BIGINT       NOT NULL,
    target         VARCHAR(16)  NOT NULL,
    target_seconds BIGINT       NOT NULL,
    calendar       VARCHAR(32)  NOT NULL,
    started_at     TIMESTAMP(3) NOT NULL,
    due_at         TIMESTAMP(3) NOT NULL,
    paused_seconds BIGINT       NOT NULL DEFAULT 0,
    paused_since   TIMESTAMP(3),
    outcome        VARCHAR(16)  NOT NULL,
    breached_at    TIMESTAMP(3),
    met_at         TIMESTAMP(3),
    late_seconds   BIGINT,
    PRIMARY KEY (case_id, target),
    CONSTRAINT fk_sla_record_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
CREATE INDEX ix_sla_record_outcome ON sla_record (target, outcome);
