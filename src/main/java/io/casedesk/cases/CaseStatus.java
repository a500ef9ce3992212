package io.casedesk.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The case statuses of API.md, written in lower case on the wire and in the database. */
public enum CaseStatus {
    OPEN,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    ESCALATED,
    RESOLVED,
    CLOSED,
    /** Folded into another case of the same customer: its work and figures are the target's. */
    MERGED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
