package io.casedesk.trends;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An incident's lifecycle: detected by trend-watch, confirmed or dismissed by ops, closed when it is over. */
public enum IncidentStatus {
    DETECTED,
    CONFIRMED,
    DISMISSED,
    CLOSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Detected or confirmed: later matching cases join it. */
    public boolean isOpen() {
        return this == DETECTED || this == CONFIRMED;
    }
}
