package io.casedesk.trends;

import java.time.Instant;

/**
 * A spike of one key, detected once: {@code caseCount} and {@code baseline} are those of the window it was detected
 * in (for kind sentiment: negative customer messages, and the baseline's negative share).
 */
public record TrendIncident(
        long id,
        IncidentKind kind,
        String key,
        IncidentStatus status,
        Instant detectedAt,
        Instant windowStart,
        Instant windowEnd,
        int caseCount,
        double baseline,
        String dismissReason,
        Instant closedAt) {}
