-- casedesk's own tables: what people search and report on. Portable between H2 and MySQL/MariaDB.

CREATE TABLE support_case (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference           VARCHAR(20)   NOT NULL,
    status              VARCHAR(32)   NOT NULL,
    channel             VARCHAR(16)   NOT NULL,
    customer_email      VARCHAR(320)  NOT NULL,
    customer_name       VARCHAR(200),
    customer_tier       VARCHAR(16)   NOT NULL,
    subject             VARCHAR(300)  NOT NULL,
    description         TEXT          NOT NULL,
    order_id            VARCHAR(64),
    severity            VARCHAR(16),
    severity_given      BOOLEAN       NOT NULL,
    sentiment           DOUBLE        NOT NULL,
    intent              VARCHAR(64),
    category            VARCHAR(32),
    compliance          BOOLEAN       NOT NULL DEFAULT FALSE,
    priority            VARCHAR(4),
    assigned_group      VARCHAR(64),
    escalation_level    INT           NOT NULL DEFAULT 0,
    reopen_count        INT           NOT NULL DEFAULT 0,
    sla_calendar        VARCHAR(32),
    response_due_at     TIMESTAMP(3),
    resolution_due_at   TIMESTAMP(3),
    response_breached   BOOLEAN       NOT NULL DEFAULT FALSE,
    resolution_breached BOOLEAN       NOT NULL DEFAULT FALSE,
    resolution          TEXT,
    last_reply          TEXT,
    knowledge_gap       BOOLEAN       NOT NULL DEFAULT FALSE,
    csat                INT,
    csat_comment        TEXT,
    opened_by           VARCHAR(128),
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP(3)  NOT NULL,
    acknowledged_at     TIMESTAMP(3),
    first_response_at   TIMESTAMP(3),
    resolved_at         TIMESTAMP(3),
    closed_at           TIMESTAMP(3),
    CONSTRAINT uk_support_case_reference UNIQUE (reference)
);
CREATE INDEX ix_support_case_customer ON support_case (customer_email, created_at);
CREATE INDEX ix_support_case_status ON support_case (status, priority);

CREATE TABLE case_tag (
    case_id BIGINT      NOT NULL,
    tag     VARCHAR(64) NOT NULL,
    PRIMARY KEY (case_id, tag),
    CONSTRAINT fk_case_tag_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
CREATE INDEX ix_case_tag_tag ON case_tag (tag);

CREATE TABLE case_event (
    id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT       NOT NULL,
    at      TIMESTAMP(3) NOT NULL,
    type    VARCHAR(48)  NOT NULL,
    detail  TEXT,
    CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
CREATE INDEX ix_case_event_case ON case_event (case_id, id);

CREATE TABLE idempotent_request (
    principal    VARCHAR(128) NOT NULL,
    request_key  VARCHAR(128) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    reference    VARCHAR(20),
    response     TEXT,
    created_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (principal, request_key)
);

-- single-use links in customer mails (resolution confirmation, CSAT survey)
CREATE TABLE customer_token (
    token      VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id    BIGINT       NOT NULL,
    purpose    VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    expires_at TIMESTAMP(3) NOT NULL,
    used_at    TIMESTAMP(3),
    CONSTRAINT fk_customer_token_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
CREATE INDEX ix_customer_token_case ON customer_token (case_id, purpose);

-- one open prevention ticket per tag: open_tag is the tag while open and NULL once done,
-- so the unique key holds only among open tickets on H2 and MySQL alike
CREATE TABLE prevention_ticket (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    tag                 VARCHAR(64)  NOT NULL,
    open_tag            VARCHAR(64),
    status              VARCHAR(16)  NOT NULL,
    process_instance_id VARCHAR(64),
    action              VARCHAR(32),
    note                TEXT,
    opened_at           TIMESTAMP(3) NOT NULL,
    closed_at           TIMESTAMP(3),
    CONSTRAINT uk_prevention_ticket_open_tag UNIQUE (open_tag)
);

CREATE TABLE prevention_link (
    ticket_id BIGINT       NOT NULL,
    case_id   BIGINT       NOT NULL,
    linked_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (ticket_id, case_id),
    CONSTRAINT fk_prevention_link_ticket FOREIGN KEY (ticket_id) REFERENCES prevention_ticket (id),
    CONSTRAINT fk_prevention_link_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
