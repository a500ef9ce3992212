package io.casedesk.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an agent's (or a manager's) task shows of its case: the case's details and the texts the form displays,
 * the task's priority in Tasklist's lists, its due date and its follow-up date.
 */
public record CaseTaskView(
        String customerName,
        String customerEmail,
        String customerTier,
        String priority,
        String category,
        String subject,
        String description,
        String orderId,
        String sentimentText,
        String responseDueText,
        String resolutionDueText,
        String recentCasesText,
        String timelineText,
        String escalationReason,
        String csatComment,
        int taskPriority,
        Instant dueAt,
        Instant followUpAt) {

    static final int RECENT_CASES_SHOWN = 5;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static CaseTaskView of(SupportCase c, List<CaseEvent> timeline, List<SupportCase> recentCases) {
        return new CaseTaskView(
                c.customerName(),
                c.customerEmail(),
                c.customerTier(),
                c.priority(),
                c.category(),
                c.subject(),
                c.description(),
                c.orderId(),
                "%.2f (%s)".formatted(c.sentiment(), mood(c.sentiment())),
                when(c.responseDueAt()),
                when(c.resolutionDueAt()),
                recentCases.stream()
                        .map(r -> "%s  %s  %s  %s"
                                .formatted(
                                        r.reference(),
                                        WHEN.format(r.createdAt()),
                                        r.status().wire(),
                                        r.subject()))
                        .collect(Collectors.joining("\n")),
                timeline.stream()
                        .map(e -> WHEN.format(e.at()) + "  " + e.type().wire() + "  "
                                + (e.detail() == null ? "" : e.detail()))
                        .collect(Collectors.joining("\n")),
                timeline.stream()
                        .filter(e -> e.type() == CaseEventType.ESCALATED)
                        .reduce((a, b) -> b)
                        .map(CaseEvent::detail)
                        .orElse(""),
                c.csatComment(),
                taskPriority(c.priority()),
                c.resolutionDueAt(),
                // "Breaching soon" lists tasks by follow-up date: the next deadline still open, so by time left
                c.firstResponseAt() == null ? c.responseDueAt() : c.resolutionDueAt());
    }

    private static int taskPriority(String priority) {
        return switch (priority == null ? "P3" : priority) {
            case "P1" -> 100;
            case "P2" -> 75;
            default -> 50;
        };
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static String mood(double sentiment) {
        if (sentiment <= -0.05) {
            return "negative";
        }
        return sentiment >= 0.05 ? "positive" : "neutral";
    }
}
