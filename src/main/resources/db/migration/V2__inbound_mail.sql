-- Every mail read from the inbound support mailbox, one row per message (its Message-ID, or a hash of the raw
-- message when it has none), so a mail is processed once even when the mailbox is read again after a restart.
-- The raw message is kept only for mails that could not be parsed or processed, for a person to look at.
CREATE TABLE inbound_mail (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_key    VARCHAR(80)   NOT NULL,
    message_id     VARCHAR(998),
    from_address   VARCHAR(320),
    subject        VARCHAR(300),
    status         VARCHAR(32)   NOT NULL,
    case_reference VARCHAR(20),
    detail         VARCHAR(500),
    error          TEXT,
    raw_message    MEDIUMTEXT,
    attempts       INT           NOT NULL DEFAULT 0,
    received_at    TIMESTAMP(3)  NOT NULL,
    processed_at   TIMESTAMP(3),
    CONSTRAINT uk_inbound_mail_key UNIQUE (message_key)
);
CREATE INDEX ix_inbound_mail_status ON inbound_mail (status, received_at);
