package io.casedesk.cases;

import java.time.Instant;

/** What triage decided for a case. */
public record Triage(String severity, String intent, String category, boolean compliance, String priority,
                     String assignedGroup, String slaCalendar, Instant responseDueAt, Instant resolutionDueAt) {
}
