package io.casedesk.metrics;

import io.casedesk.cases.CaseReporting;
import io.casedesk.sla.SlaClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures managers steer by, over the cases opened in a period: first-response time (FRT), resolution time
 * and its mean (MTTR), CSAT, first-contact resolution (FCR), SLA compliance (from the SLA records the timers
 * wrote) and the open backlog per priority. The case figures come from cases ({@link CaseReporting}), the SLA
 * figures from sla.
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    private final CaseReporting cases;
    private final SlaClock slaClock;

    MetricsService(CaseReporting cases, SlaClock slaClock) {
        this.cases = cases;
        this.slaClock = slaClock;
    }

    public Metrics metrics(Instant from, Instant to) {
        Metrics.Timing frt = timing(cases.secondsToFirstResponse(from, to));
        Metrics.Timing resolution = timing(cases.secondsToResolution(from, to));
        CaseReporting.Csat csat = cases.csat(from, to);
        var compliance = slaClock.compliance(from, to);
        return new Metrics(
                from,
                to,
                cases.opened(from, to),
                frt,
                resolution,
                new Metrics.Csat(round(csat.average()), csat.responses()),
                firstContactResolution(from, to),
                resolution.avgSeconds(),
                new Metrics.SlaCompliance(
                        round(compliance.response().ratio()),
                        round(compliance.resolution().ratio())),
                backlog());
    }

    /** First-contact resolution: the share of the period's resolved cases that one agent answer resolved. */
    private Double firstContactResolution(Instant from, Instant to) {
        CaseReporting.FirstContact counts = cases.firstContact(from, to);
        return counts.resolved() == 0 ? null : round((double) counts.resolvedAtFirstContact() / counts.resolved());
    }

    /** Cases not yet resolved or closed, per priority (P1, P2, P3 always present). */
    private Map<String, Long> backlog() {
        var backlog = new LinkedHashMap<String, Long>();
        for (String priority : List.of("P1", "P2", "P3")) {
            backlog.put(priority, 0L);
        }
        cases.openByPriority().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> backlog.put(e.getKey(), e.getValue()));
        return backlog;
    }

    private static Metrics.Timing timing(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Metrics.Timing(null, null, 0);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        long avg =
                Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
        long p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        return new Metrics.Timing(avg, p90, sorted.size());
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
