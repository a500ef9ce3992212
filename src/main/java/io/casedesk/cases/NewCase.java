package io.casedesk.cases;

import java.util.List;

/** What is known of a case when it is opened, already validated. */
public record NewCase(Channel channel, String customerEmail, String customerName, String customerTier,
                      String subject, String description, String orderId, String severity, List<String> tags,
                      double sentiment, String openedBy) {
}
