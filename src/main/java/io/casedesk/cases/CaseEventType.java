package io.casedesk.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kinds of line on a case's timeline ({@code case_event.type}), written in lower case with hyphens on the wire
 * and in the database. The model names some of them too (input parameter {@code noteType} of its timeline notes).
 */
public enum CaseEventType {
    OPENED,
    /** A decision table the flow evaluated, with the rule that fired. */
    DECISION,
    TRIAGED,
    ACKNOWLEDGED,
    AGENT_REPLY,
    ESCALATED,
    RESOLVED,
    REOPENED,
    CUSTOMER_MESSAGE,
    /** The customer did not answer a request for information in time. */
    CUSTOMER_SILENT,
    /** The customer confirmed the resolution, or let the confirmation time pass. */
    CONFIRMED,
    CLOSED,
    SLA_WARNING,
    SLA_BREACH,
    SLA_PAUSED,
    SLA_RESUMED,
    CSAT,
    CSAT_COMMENT,
    /** What a manager did to recover an unhappy customer (Task_CsatRecovery). */
    CSAT_RECOVERY,
    SURVEY_TIMEOUT,
    MAIL_SENT,
    /** A message to a chat or social customer, delivered to the integration's webhook. */
    WEBHOOK_SENT,
    /** An auto-reply or bounce that named the case. */
    AUTOMATIC_MAIL,
    /** A mail naming the case from an address that is not the customer's. */
    MAIL_FROM_OTHER_SENDER,
    PREVENTION,
    /** A task of the case was given to an agent (the one who opened it on the phone), or why it could not be. */
    ASSIGNED,
    /** casedesk answered the case itself from the order facts (automatic-answer table). */
    AUTOMATIC_ANSWER,
    /** Another open case of the same customer looks like the same problem: suggested for merging. */
    POSSIBLE_DUPLICATE,
    /** The case was merged into another, or another case was merged into it. */
    MERGED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CaseEventType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
