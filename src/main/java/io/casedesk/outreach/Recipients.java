package io.casedesk.outreach;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Mail addresses as an outreach counts them: trimmed, lower case, each once. */
final class Recipients {

    private Recipients() {}

    /** The comma-separated addresses ops typed; every bad one is named at once. */
    static List<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        Set<String> valid = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String part : commaSeparated.split("[,;\\n]")) {
            String address = part.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (isAddress(address)) {
                valid.add(normal(address));
            } else {
                invalid.add(address);
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRecipientsException(invalid);
        }
        return List.copyOf(valid);
    }

    static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** A bare address (no display name), as strict RFC 822 parsing with a domain takes it. */
    private static boolean isAddress(String address) {
        try {
            var parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getAddress().equals(address) && address.indexOf('@') > 0 && address.contains(".");
        } catch (AddressException e) {
            return false;
        }
    }
}
