package io.casedesk.sla.simulation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What a simulation needs of one case: the inputs triage had, what was decided, and what happened when. */
record PastCase(
        String reference,
        String status,
        String channel,
        String customerTier,
        String severity,
        double sentiment,
        String intent,
        String category,
        boolean compliance,
        String priority,
        Instant createdAt,
        Instant responseDueAt,
        Instant resolutionDueAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        java.time.Duration responsePaused,
        java.time.Duration resolutionPaused) {

    /**
     * The inputs the process gives the priority and SLA tables, as plain values: whatever the customer typed is
     * data to the table, never an expression. (The customer's own text is not among them.)
     */
    Map<String, Object> triageVariables() {
        var variables = new HashMap<String, Object>();
        variables.put("severity", severity);
        variables.put("customerTier", customerTier);
        variables.put("channel", channel);
        variables.put("sentiment", sentiment);
        variables.put("category", category);
        variables.put("intent", intent);
        variables.put("compliance", compliance);
        return variables;
    }

    /** The response clock stops when the case is resolved (the handling sub-process and its timers end). */
    Instant handlingEndedAt() {
        return resolvedAt != null ? resolvedAt : closedAt;
    }
}
