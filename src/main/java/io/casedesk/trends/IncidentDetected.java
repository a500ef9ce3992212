package io.casedesk.trends;

/**
 * A new trend incident: published inside the transaction that stored it, so a listener that starts a process does so
 * in that transaction (a rollback leaves neither).
 */
public record IncidentDetected(long incidentId, IncidentKind kind, String key) {}
