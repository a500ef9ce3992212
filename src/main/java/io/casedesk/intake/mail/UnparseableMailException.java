package io.casedesk.intake.mail;

/** A mail casedesk cannot read; it carries what could be read of it, so the kept copy can be found again. */
class UnparseableMailException extends Exception {

    private final String key;
    private final String messageId;
    private final String from;
    private final String subject;

    UnparseableMailException(
            String key, String messageId, String from, String subject, String reason, Throwable cause) {
        super(reason, cause);
        this.key = key;
        this.messageId = messageId;
        this.from = from;
        this.subject = subject;
    }

    String key() {
        return key;
    }

    String messageId() {
        return messageId;
    }

    String from() {
        return from;
    }

    String subject() {
        return subject;
    }

    /** The reason with its causes, for the error column and the log. */
    String describe() {
        var text = new StringBuilder(getMessage());
        for (Throwable c = getCause(); c != null && text.length() < 2_000; c = c.getCause()) {
            text.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        return text.toString();
    }
}
