package io.casedesk.sla;

import java.util.Locale;

/** The two SLA targets of a case. */
public enum SlaTarget {
    RESPONSE,
    RESOLUTION;

    public static SlaTarget fromModel(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
