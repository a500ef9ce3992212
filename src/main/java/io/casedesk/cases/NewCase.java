package io.casedesk.cases;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What is known of a case when it is opened, already validated. Subject and customer name go into mail headers and
 * first lines of templates: line breaks and other control characters in them become single spaces, whichever
 * channel they came from, so nobody can write a header or a line of a mail body through them.
 */
public record NewCase(
        Channel channel,
        String customerEmail,
        String customerName,
        String customerTier,
        String subject,
        String description,
        String orderId,
        String severity,
        List<String> tags,
        double sentiment,
        String openedBy) {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

    public NewCase {
        subject = oneLine(subject);
        customerName = oneLine(customerName);
    }

    /** The text on one line: each run of line breaks and control characters as one space. */
    public static String oneLine(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll(" ").strip();
    }
}
