package io.casedesk.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Channel {
    CHAT,
    EMAIL,
    PHONE,
    SOCIAL,
    WEB;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
