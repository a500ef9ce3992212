package io.casedesk.mail;

import java.util.Locale;

/** Every mail the service writes; its templates are templates/mail/{slug}.txt and .html. */
public enum MailKind {
    ACKNOWLEDGEMENT,
    AGENT_REPLY,
    INFO_REQUEST,
    RESOLUTION,
    /** casedesk's own answer from the order facts, with the confirm / still-broken links of a resolution. */
    AUTOMATIC_ANSWER,
    SURVEY,
    /** The case was merged into another of the customer's: where the request continues. */
    MERGED,
    /** The notices of a case for a group, one or several (grouped within casedesk.mail.notification-window). */
    MANAGER_NOTICE,
    /** Manager notices as queued before V10, each on its own; read from the outbox, no longer queued. */
    MANAGER_ESCALATION,
    SLA_WARNING,
    SLA_BREACH;

    String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MailKind fromModel(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    boolean toCustomer() {
        return this != MANAGER_NOTICE && this != MANAGER_ESCALATION && this != SLA_WARNING && this != SLA_BREACH;
    }

    /** Mails that ask the customer whether the problem is fixed (the confirm / still-broken links). */
    boolean asksForConfirmation() {
        return this == RESOLUTION || this == AUTOMATIC_ANSWER;
    }

    /** The manager notices, which go through MailService#notifyManagers, not MailService#queue. */
    public boolean toManagers() {
        return !toCustomer();
    }

    /** Mails no person wrote say so (RFC 3834), so auto-responders do not answer them. */
    boolean automatic() {
        return this == ACKNOWLEDGEMENT || this == SURVEY || !toCustomer();
    }
}
