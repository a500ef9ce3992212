package io.casedesk.metrics;

import io.casedesk.cases.CaseMilestone;
import io.casedesk.cases.CaseReporting;
import io.casedesk.sla.SlaAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The Prometheus meters of API.md. Counters and histograms count the steps cases and SLA clocks report, once their
 * transaction has committed (a rolled-back or retried job counts nothing twice); the backlog gauges read the open
 * cases per priority, at most every casedesk.metrics.backlog-refresh. Labels are channel, priority, SLA target and
 * warning stage only: bounded sets, never a reference, an address or a name.
 */
@Component
class CaseMeters {

    private final MeterRegistry registry;
    private final CaseReporting cases;
    private final MetricsProperties properties;
    private final Clock clock;
    private final Set<String> backlogPriorities = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Long> backlog = Map.of();
    private volatile Instant backlogReadAt = Instant.MIN;

    CaseMeters(MeterRegistry registry, CaseReporting cases, MetricsProperties properties, Clock clock) {
        this.registry = registry;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
        MetricsService.PRIORITIES.forEach(this::backlogGauge);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseMilestone milestone) {
        String channel =
                milestone.channel() == null ? "none" : milestone.channel().wire();
        String priority = milestone.priority() == null ? "none" : milestone.priority();
        switch (milestone.kind()) {
            case TRIAGED ->
                Counter.builder("casedesk.cases.opened")
                        .description("Cases opened (counted at triage, when the priority is known)")
                        .tags("channel", channel, "priority", priority)
                        .register(registry)
                        .increment();
            case FIRST_RESPONSE -> {
                if (milestone.took() != null) {
                    Timer.builder("casedesk.first.response")
                            .description("Time from opening to the first agent answer")
                            .tags("channel", channel, "priority", priority)
                            .serviceLevelObjectives(properties.responseBuckets().toArray(Duration[]::new))
                            .register(registry)
                            .record(milestone.took());
                }
            }
            case CLOSED -> {
                Counter.builder("casedesk.cases.closed")
                        .description("Cases closed")
                        .tags("channel", channel, "priority", priority)
                        .register(registry)
                        .increment();
                if (milestone.took() != null) {
                    Timer.builder("casedesk.resolution")
                            .description("Time from opening to the resolution, of closed cases")
                            .tags("channel", channel, "priority", priority)
                            .serviceLevelObjectives(
                                    properties.resolutionBuckets().toArray(Duration[]::new))
                            .register(registry)
                            .record(milestone.took());
                }
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaAlert alert) {
        String target = alert.target().name().toLowerCase(Locale.ROOT);
        if (alert.breach()) {
            Counter.builder("casedesk.sla.breaches")
                    .description("SLA targets breached")
                    .tag("target", target)
                    .register(registry)
                    .increment();
        } else {
            Counter.builder("casedesk.sla.warnings")
                    .description("Warnings before an SLA deadline")
                    .tags("target", target, "stage", alert.stage().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
    }

    private void backlogGauge(String priority) {
        if (backlogPriorities.add(priority)) {
            Gauge.builder("casedesk.backlog", this, meters -> meters.openCases(priority))
                    .description("Open cases (not resolved, closed or merged)")
                    .tag("priority", priority)
                    .register(registry);
        }
    }

    private double openCases(String priority) {
        Instant now = clock.instant();
        if (backlogReadAt.plus(properties.backlogRefresh()).isBefore(now)) {
            backlog = cases.openByPriority();
            backlogReadAt = now;
            // a priority a process owner added to the tables gets its gauge from the next scrape on
            backlog.keySet().forEach(this::backlogGauge);
        }
        return backlog.getOrDefault(priority, 0L);
    }
}
