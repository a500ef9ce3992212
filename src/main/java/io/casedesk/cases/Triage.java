package io.casedesk.cases;

/** What triage decided for a case (its SLA deadlines are the sla feature's). */
public record Triage(
        String severity, String intent, String category, boolean compliance, String priority, String assignedGroup) {}
