-- Whether a prevention ticket worked (feature prevention): some weeks after an incident's outreach ended, the cases
-- with its key and their CSAT in as long a period before the incident and after it.
CREATE TABLE prevention_check (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id     BIGINT        NOT NULL,
    incident_id   BIGINT        NOT NULL,
    incident_key  VARCHAR(100)  NOT NULL,
    before_from   TIMESTAMP(3)  NOT NULL,
    before_to     TIMESTAMP(3)  NOT NULL,
    after_from    TIMESTAMP(3)  NOT NULL,
    after_to      TIMESTAMP(3)  NOT NULL,
    cases_before  INT           NOT NULL,
    cases_after   INT           NOT NULL,
    csat_before   DECIMAL(4, 2),
    csat_after    DECIMAL(4, 2),
    checked_at    TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uk_prevention_check_incident UNIQUE (incident_id),
    CONSTRAINT fk_prevention_check_ticket FOREIGN KEY (ticket_id) REFERENCES prevention_ticket (id)
);
