package io.casedesk.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A case on the API (GET /api/cases/{reference}). */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CaseView(
        String reference,
        CaseStatus status,
        String priority,
        Instant responseDueAt,
        Instant resolutionDueAt,
        String processInstanceId,
        Channel channel,
        Customer customer,
        String subject,
        String description,
        String orderId,
        String severity,
        String intent,
        String category,
        double sentiment,
        double latestSentiment,
        double worstSentiment,
        boolean compliance,
        List<String> tags,
        int escalationLevel,
        String assignedGroup,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        String resolution,
        Integer csat,
        int reopenCount,
        boolean responseBreached,
        boolean resolutionBreached,
        long slaPausedSeconds,
        List<CaseEvent> timeline,
        boolean automated,
        String possibleDuplicateOf,
        String mergedInto) {

    record Customer(String email, String name, String tier) {}

    static CaseView of(SupportCase c, List<CaseEvent> timeline) {
        return new CaseView(
                c.reference(),
                c.status(),
                c.priority(),
                c.responseDueAt(),
                c.resolutionDueAt(),
                c.processInstanceId(),
                c.channel(),
                new Customer(c.customerEmail(), c.customerName(), c.customerTier()),
                c.subject(),
                c.description(),
                c.orderId(),
                c.severity(),
                c.intent(),
                c.category(),
                c.sentiment(),
                c.latestSentiment(),
                c.worstSentiment(),
                c.compliance(),
                c.tags(),
                c.escalationLevel(),
                c.assignedGroup(),
                c.createdAt(),
                c.acknowledgedAt(),
                c.firstResponseAt(),
                c.resolvedAt(),
                c.closedAt(),
                c.resolution(),
                c.csat(),
                c.reopenCount(),
                c.responseBreached(),
                c.resolutionBreached(),
                c.slaPaused().toSeconds(),
                timeline,
                c.automated(),
                c.possibleDuplicateOf(),
                c.mergedInto());
    }
}
