package io.casedesk.intake;

/** What intake computed for triage, beyond the case itself. */
public record TriageInput(String caseText, int recentCaseCount) {}
