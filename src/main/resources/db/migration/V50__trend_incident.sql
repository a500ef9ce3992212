-- Trend incidents (trends owns the table): a spike of one tag, category or of negative sentiment, found by trend-watch.
-- held_key is kind:key while the incident holds its key (detected or confirmed; dismissed or closed until a cycle
-- sees no spike for the key) and NULL afterwards, so the unique key lets two nodes never open two incidents for one
-- key, on H2 and MySQL/MariaDB alike (as prevention_ticket.open_tag does).
CREATE TABLE trend_incident (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL,
    trend_key      VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    held_key       VARCHAR(100),
    detected_at    TIMESTAMP(3) NOT NULL,
    window_start   TIMESTAMP(3) NOT NULL,
    window_end     TIMESTAMP(3) NOT NULL,
    case_count     INT          NOT NULL,
    baseline       DOUBLE       NOT NULL,
    rule_name      VARCHAR(64),
    dismiss_reason TEXT,
    closed_at      TIMESTAMP(3),
    last_spike_at  TIMESTAMP(3) NOT NULL,
    ended_at       TIMESTAMP(3),
    CONSTRAINT uk_trend_incident_held_key UNIQUE (held_key)
);
CREATE INDEX ix_trend_incident_detected ON trend_incident (detected_at);

-- the incident a case is linked to (cases owns the column; no foreign key, so cases does not depend on trends' table)
ALTER TABLE support_case ADD COLUMN incident_id BIGINT;
CREATE INDEX ix_support_case_incident ON support_case (incident_id);
