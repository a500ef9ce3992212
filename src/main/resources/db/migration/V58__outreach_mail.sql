-- Proactive outreach (feature outreach): the one message ops wrote for an incident (announcement on confirm,
-- follow-up on close) and one row per recipient, sent by the outreach's delivery jobs. (incident_id, kind,
-- recipient) is unique, so a customer is queued once per incident and kind however often the queueing runs, and a
-- row is marked sent in the transaction right after its SMTP hand-off, so a retried job sends only what is left.
-- No foreign key to trend_incident: the outreach keeps its record when trends purges old incidents.
CREATE TABLE outreach_message (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    incident_id  BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    subject      VARCHAR(400) NOT NULL,
    body_text    TEXT         NOT NULL,
    body_html    TEXT         NOT NULL,
    written_at   TIMESTAMP(3) NOT NULL,
    CONSTRAINT uk_outreach_message UNIQUE (incident_id, kind)
);
CREATE TABLE outreach_mail (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id   BIGINT       NOT NULL,
    incident_id  BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    recipient    VARCHAR(320) NOT NULL,
    mail_id      VARCHAR(200) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    queued_at    TIMESTAMP(3) NOT NULL,
    sent_at      TIMESTAMP(3),
    CONSTRAINT uk_outreach_mail_recipient UNIQUE (incident_id, kind, recipient),
    CONSTRAINT uk_outreach_mail_mail_id UNIQUE (mail_id),
    CONSTRAINT fk_outreach_mail_message FOREIGN KEY (message_id) REFERENCES outreach_message (id)
);
CREATE INDEX ix_outreach_mail_pending ON outreach_mail (incident_id, kind, status, id);
