package io.casedesk.outreach;

import java.util.List;

/** Extra recipients ops typed that are no mail addresses; nothing was sent or stored. */
public class InvalidRecipientsException extends IllegalArgumentException {

    private final List<String> invalid;

    public InvalidRecipientsException(List<String> invalid) {
        super("extraRecipients: not a mail address: " + String.join(", ", invalid)
                + " (give addresses separated by commas, e.g. ana@example.com, ben@example.com)");
        this.invalid = List.copyOf(invalid);
    }

    public List<String> invalid() {
        return invalid;
    }
}
