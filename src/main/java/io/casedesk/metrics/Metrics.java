package io.casedesk.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.Map;

/**
 * GET /api/metrics: the figures of the cases opened in a period (optionally of one group, channel or agent), and the
 * same figures per group, channel and agent. Definitions: README, "Metrics".
 */
public record Metrics(
        Instant from,
        Instant to,
        Filter filter,
        @JsonUnwrapped Figures figures,
        Map<String, Map<String, Long>> backlogByGroup,
        Map<String, Figures> byGroup,
        Map<String, Figures> byChannel,
        Map<String, Figures> byAgent,
        Automated automated) {

    /**
     * The cases casedesk answered itself (automatic-answer table): how many, the share the answer settled at first
     * contact (null without any), and their CSAT.
     */
    public record Automated(long cases, Double fcr, Csat csat) {}

    /** The filters applied; null when not given. */
    public record Filter(String group, String channel, String agent) {}

    /** The figures of one set of cases: all of the filter's, or one group's, channel's or agent's. */
    public record Figures(
            long cases,
            Timing frt,
            Timing timeToAcknowledge,
            Timing resolutionTime,
            Long mttrSeconds,
            Csat csat,
            Double fcr,
            SlaCompliance slaCompliance,
            Map<String, Long> backlog,
            long breachingSoon) {}

    /** Average and percentiles (nearest rank) in seconds; null when nothing was measured. */
    public record Timing(Long avgSeconds, Long p50Seconds, Long p90Seconds, long count) {}

    /** Average score, answers, answers per surveyed (closed) case, answers per score. */
    public record Csat(Double average, long responses, Double responseRate, Map<String, Long> distribution) {}

    /** Share of settled targets that were met; null when none is settled. */
    public record SlaCompliance(Double response, Double resolution) {}
}
