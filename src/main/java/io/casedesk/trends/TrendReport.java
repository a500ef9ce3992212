package io.casedesk.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** GET /api/trends: the counts of the window ending now against their baselines, and the recent incidents. */
public record TrendReport(
        Duration window,
        List<KeyTrend> tags,
        List<KeyTrend> categories,
        SentimentTrend sentiment,
        List<IncidentLine> incidents) {

    /** One tag's or category's count in the window; the JSON names the key after its kind ("tag", "category"). */
    public record KeyTrend(String key, long count, double baseline, boolean spike) {}

    public record SentimentTrend(long messages, double negativeShare, double baseline, boolean spike) {}

    /** An incident with the number of cases linked to it or matching it in its window. */
    public record IncidentLine(
            long id, IncidentKind kind, String key, Instant detectedAt, IncidentStatus status, long cases) {}
}
