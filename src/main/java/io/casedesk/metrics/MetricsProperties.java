package io.casedesk.metrics;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.metrics.*: the figures of GET /api/metrics, the dashboard and the Prometheus meters.
 *
 * @param breachingWindow   a case breaches soon when a running SLA target is due within this time from now
 * @param responseBuckets   histogram buckets of casedesk_first_response_seconds: the first-response targets of the
 *                          default sla-targets table (chat 1–2 min, P1 15 min, P2 1 h, P3 4–8 h)
 * @param resolutionBuckets histogram buckets of casedesk_resolution_seconds: the resolution targets (P1 1 h, P2 4 h,
 *                          P3 24 h)
 * @param backlogRefresh    how old the backlog a Prometheus scrape reads may be (one grouped count per refresh)
 * @param dashboardRefresh  how often the dashboard reloads itself
 * @param dashboardWeeks    how many weeks the dashboard's charts over time show
 */
@ConfigurationProperties("casedesk.metrics")
record MetricsProperties(
        @DefaultValue("PT1H") Duration breachingWindow,

        @DefaultValue({"PT1M", "PT2M", "PT15M", "PT1H", "PT4H", "PT8H"})
        List<Duration> responseBuckets,

        @DefaultValue({"PT1H", "PT4H", "PT24H"}) List<Duration> resolutionBuckets,
        @DefaultValue("PT15S") Duration backlogRefresh,
        @DefaultValue("PT60S") Duration dashboardRefresh,
        @DefaultValue("8") int dashboardWeeks) {}
