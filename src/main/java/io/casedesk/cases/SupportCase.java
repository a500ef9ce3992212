package io.casedesk.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A case as people see it (API, forms, mails). Its SLA ({@link CaseSla}) is the sla feature's, read with the case;
 * the accessors below spell it out as the case's own fields. {@code sentiment} is the score at triage, which the
 * priority was decided on; {@code latestSentiment} and {@code worstSentiment} follow every customer message. {@code incidentId} is the trend incident the case is linked to,
 * or null.
 */
public record SupportCase(
        long id,
        String reference,
        CaseStatus status,
        Channel channel,
        String customerEmail,
        String customerName,
        String customerTier,
        String subject,
        String description,
        String orderId,
        String severity,
        double sentiment,
        double latestSentiment,
        double worstSentiment,
        String intent,
        String category,
        boolean compliance,
        String priority,
        String assignedGroup,
        int escalationLevel,
        int reopenCount,
        String resolution,
        Integer csat,
        String csatComment,
        String openedBy,
        String processInstanceId,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        List<String> tags,
        CaseSla sla,
        Long incidentId,
        boolean automated,
        String possibleDuplicateOf,
        String mergedInto) {

    public boolean isVip() {
        return "vip".equals(customerTier);
    }

    public String slaCalendar() {
        return sla.calendar();
    }

    public Instant responseDueAt() {
        return sla.responseDueAt();
    }

    public Instant resolutionDueAt() {
        return sla.resolutionDueAt();
    }

    public boolean responseBreached() {
        return sla.responseBreached();
    }

    public boolean resolutionBreached() {
        return sla.resolutionBreached();
    }

    public Duration slaPaused() {
        return sla.paused();
    }

    SupportCase with(List<String> tags, CaseSla sla) {
        return new SupportCase(
                id,
                reference,
                status,
                channel,
                customerEmail,
                customerName,
                customerTier,
                subject,
                description,
                orderId,
                severity,
                sentiment,
                latestSentiment,
                worstSentiment,
                intent,
                category,
                compliance,
                priority,
                assignedGroup,
                escalationLevel,
                reopenCount,
                resolution,
                csat,
                csatComment,
                openedBy,
                processInstanceId,
                createdAt,
                acknowledgedAt,
                firstResponseAt,
                resolvedAt,
                closedAt,
                List.copyOf(tags),
                sla,
                incidentId,
                automated,
                possibleDuplicateOf,
                mergedInto);
    }
}
