package io.casedesk.mail;

import java.time.Instant;

/** A mail in the outbox; its case is known by id (its reference comes from cases). */
record OutboxMail(
        long id,
        long caseId,
        MailKind kind,
        int occurrence,
        String recipient,
        boolean toCustomer,
        String subject,
        String text,
        String html,
        String messageId,
        String inReplyTo,
        String references,
        Status status,
        int attempts,
        Instant queuedAt,
        Instant sentAt) {

    enum Status {
        QUEUED,
        SENT
    }
}
