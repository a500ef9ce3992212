package io.casedesk.mail;

import java.time.Instant;

/**
 * A message to a chat or social customer as it is POSTed to the channel's webhook: {@code body} is the JSON, fixed
 * when queued; {@code deliveryId} is sent as X-Casedesk-Delivery so a receiver can drop a resend.
 */
record WebhookMessage(
        long id,
        long mailId,
        long caseId,
        String channel,
        String deliveryId,
        String body,
        Status status,
        int attempts,
        Instant queuedAt,
        Instant sentAt) {

    enum Status {
        QUEUED,
        SENT
    }
}
