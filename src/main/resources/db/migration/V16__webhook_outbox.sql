-- Every message to a chat or social customer is also POSTed to that channel's integration webhook. The delivery is
-- written in the transaction that queues the mail (one per mail: mail_id is unique) and sent by its own retried job
-- (process mail-delivery). The body is fixed when queued, so a retry sends the same bytes and signature, and
-- delivery_id (header X-Casedesk-Delivery) lets the receiver drop a resend after a lost acknowledgement.
CREATE TABLE webhook_outbox (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    mail_id      BIGINT       NOT NULL,
    case_id      BIGINT       NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    delivery_id  VARCHAR(64)  NOT NULL,
    body         TEXT         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    queued_at    TIMESTAMP(3) NOT NULL,
    sent_at      TIMESTAMP(3),
    CONSTRAINT uk_webhook_outbox_mail UNIQUE (mail_id),
    CONSTRAINT uk_webhook_outbox_delivery UNIQUE (delivery_id),
    CONSTRAINT fk_webhook_outbox_mail FOREIGN KEY (mail_id) REFERENCES mail_outbox (id),
    CONSTRAINT fk_webhook_outbox_case FOREIGN KEY (case_id) REFERENCES support_case (id)
);
