-- The notices managers get about a case (the manager-notification table decides which), each in exactly one mail
-- of the outbox: notices of a case in casedesk.mail.notification-window join the mail still waiting to be sent.
CREATE TABLE manager_notice (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    outbox_id   BIGINT       NOT NULL,
    event       VARCHAR(32)  NOT NULL,
    summary     VARCHAR(400) NOT NULL,
    urgent      BOOLEAN      NOT NULL,
    noticed_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_manager_notice_outbox FOREIGN KEY (outbox_id) REFERENCES mail_outbox (id)
);
CREATE INDEX ix_manager_notice_outbox ON manager_notice (outbox_id);
