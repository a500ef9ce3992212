package io.casedesk.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A case as people see it (API, forms, mails). */
public record SupportCase(long id, String reference, CaseStatus status, Channel channel, String customerEmail,
                          String customerName, String customerTier, String subject, String description, String orderId,
                          String severity, double sentiment, String intent, String category, boolean compliance,
                          String priority, String assignedGroup, int escalationLevel, int reopenCount,
                          String slaCalendar, Instant responseDueAt, Instant resolutionDueAt,
                          boolean responseBreached, boolean resolutionBreached, String resolution,
                          Integer csat, String csatComment, String openedBy, String processInstanceId,
                          Instant createdAt, Instant acknowledgedAt, Instant firstResponseAt, Instant resolvedAt,
                          Instant closedAt, Duration slaPaused, List<String> tags) {

    public boolean isVip() {
        return "vip".equals(customerTier);
    }
}
