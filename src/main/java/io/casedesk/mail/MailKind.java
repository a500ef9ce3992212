package io.casedesk.mail;

import java.util.Locale;

/** Every mail the service writes; the template is templates/mail/{kind}.txt. */
public enum MailKind {
    ACKNOWLEDGEMENT, AGENT_REPLY, INFO_REQUEST, RESOLUTION, SURVEY, MANAGER_ESCALATION, SLA_BREACH;

    String template() {
        return "mail/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MailKind fromModel(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    boolean toManagers() {
        return this == MANAGER_ESCALATION || this == SLA_BREACH;
    }
}
