-- Every mail the service writes, stored in the transaction of the state change that causes it and sent by a
-- retried job (process mail-delivery). (case_id, kind, occurrence) is unique, so a mail is queued once;
-- message_id is fixed when queued, so a resend after a lost acknowledgement carries the same Message-ID.
CREATE TABLE mail_outbox (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    occurrence   INT          NOT NULL,
    recipient    VARCHAR(320) NOT NULL,
    to_customer  BOOLEAN      NOT NULL,
    subject      VARCHAR(400) NOT NULL,
    body_text    TEXT         NOT NULL,
    body_html    TEXT         NOT NULL,
    message_id   VARCHAR(200) NOT NULL,
    in_reply_to  VARCHAR(200),
    thread_refs  TEXT,
    status       VARCHAR(16)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   TEXT,
    queued_at    TIMESTAMP(3) NOT NULL,
    sent_at      TIMESTAMP(3),
    CONSTRAINT uk_mail_outbox_occurrence UNIQUE (case_id, kind, occurrence),
    CONSTRAINT uk_mail_outbox_message_id UNIQUE (message_id),
    CONSTRAINT fk_mail_outbox_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
CREATE INDEX ix_mail_outbox_status ON mail_outbox (status, queued_at);
