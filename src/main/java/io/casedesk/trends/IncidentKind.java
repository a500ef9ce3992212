package io.casedesk.trends;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What spiked: one tag, one category, or the share of negative customer messages (key {@code negative}). */
public enum IncidentKind {
    TAG,
    CATEGORY,
    SENTIMENT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
