package io.casedesk.metrics;

import java.time.Instant;
import java.util.Map;

/** GET /api/metrics: the support figures of the cases opened in a period. */
public record Metrics(
        Instant from,
        Instant to,
        long cases,
        Timing frt,
        Timing resolutionTime,
        Csat csat,
        Double fcr,
        Long mttrSeconds,
        SlaCompliance slaCompliance,
        Map<String, Long> backlog) {

    /** Average and 90th percentile in seconds; null when nothing was measured. */
    public record Timing(Long avgSeconds, Long p90Seconds, long count) {}

    public record Csat(Double average, long responses) {}

    /** Share of settled targets that were met; null when none is settled. */
    public record SlaCompliance(Double response, Double resolution) {}
}
