package io.casedesk.intake.mail;

/**
 * An inbound mail as casedesk understands it. Subject and name are single lines within the API's limits, the text
 * is cleaned of control characters (and cut by whoever stores it); {@code automatic} is set for auto-replies and
 * bounces, which are never answered, and then the text is not read at all.
 */
record ParsedMail(
        String key,
        String messageId,
        String fromAddress,
        String fromName,
        String subject,
        String text,
        Automatic automatic) {

    /** Why a mail counts as sent by a machine, and whether it is a bounce or another automatic mail. */
    record Automatic(InboundMailStatus status, String reason) {}

    boolean isAutomatic() {
        return automatic != null;
    }
}
