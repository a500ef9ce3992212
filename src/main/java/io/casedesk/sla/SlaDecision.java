package io.casedesk.sla;

/**
 * What the sla-targets table decided for a case: the targets as ISO-8601 durations, the calendar they run in, and
 * the shares of each target after which the warnings come (null when the table gives none).
 */
public record SlaDecision(
        String responseDue, String resolutionDue, String calendar, Double firstWarning, Double finalWarning) {}
