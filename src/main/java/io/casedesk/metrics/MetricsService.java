package io.casedesk.metrics;

import io.casedesk.cases.CaseReporting;
import io.casedesk.cases.CaseReporting.Dimension;
import io.casedesk.sla.SlaReporting;
import io.casedesk.sla.SlaTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures managers steer by (definitions in the README, "Metrics"): first-response time (FRT), time to
 * acknowledge, resolution time, MTTR, CSAT, first-contact resolution (FCR), SLA compliance, backlog and cases
 * breaching soon, for the filter's cases and per group, channel and agent. Every figure is aggregated by the
 * database: the case figures by cases ({@link CaseReporting}), the SLA figures by sla ({@link SlaReporting}); this
 * class only puts the aggregates together.
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    static final List<String> PRIORITIES = List.of("P1", "P2", "P3");

    private final CaseReporting cases;
    private final SlaReporting sla;
    private final MetricsProperties properties;
    private final Clock clock;

    MetricsService(CaseReporting cases, SlaReporting sla, MetricsProperties properties, Clock clock) {
        this.cases = cases;
        this.sla = sla;
        this.properties = properties;
        this.clock = clock;
    }

    /** Everything of GET /api/metrics. */
    public Metrics metrics(CaseReporting.Filter filter) {
        List<CaseReporting.Backlog> backlog = cases.backlog(filter);
        Map<Dimension, List<SlaReporting.Settled>> compliance = sla.compliance(filter);
        Map<Dimension, List<CaseReporting.Figures>> caseFigures = cases.figures(filter);
        Metrics.Figures all = figures(
                        filter,
                        Dimension.ALL,
                        caseFigures.get(Dimension.ALL),
                        compliance.get(Dimension.ALL),
                        backlog,
                        b -> "all")
                .getOrDefault("all", empty(backlogOf(List.of())));
        var byGroup = new TreeMap<String, Map<String, Long>>();
        backlog.forEach(
                b -> byGroup.computeIfAbsent(b.group(), g -> priorities()).merge(b.priority(), b.cases(), Long::sum));
        return new Metrics(
                filter.from(),
                filter.to(),
                new Metrics.Filter(filter.group(), filter.channel(), filter.agent()),
                all,
                byGroup,
                figures(
                        filter,
                        Dimension.GROUP,
                        caseFigures.get(Dimension.GROUP),
                        compliance.get(Dimension.GROUP),
                        backlog,
                        CaseReporting.Backlog::group),
                figures(
                        filter,
                        Dimension.CHANNEL,
                        caseFigures.get(Dimension.CHANNEL),
                        compliance.get(Dimension.CHANNEL),
                        backlog,
                        CaseReporting.Backlog::channel),
                figures(
                        filter,
                        Dimension.AGENT,
                        caseFigures.get(Dimension.AGENT),
                        compliance.get(Dimension.AGENT),
                        backlog,
                        CaseReporting.Backlog::agent),
                automated(filter));
    }

    /** The automatic answers' own figures, from a query of their own. */
    private Metrics.Automated automated(CaseReporting.Filter filter) {
        CaseReporting.Automated a = cases.automated(filter);
        return new Metrics.Automated(
                a.cases(),
                a.cases() == 0 ? null : round((double) a.firstContact() / a.cases()),
                new Metrics.Csat(round(a.csatAverage()), a.csatResponses(), null, null));
    }

    /** The figures of the filter's cases alone, without backlog and breakdowns (the dashboard's weeks). */
    public Metrics.Figures totals(CaseReporting.Filter filter) {
        return figures(
                        filter,
                        Dimension.ALL,
                        cases.figures(filter, Dimension.ALL),
                        sla.compliance(filter).get(Dimension.ALL),
                        List.of(),
                        b -> "all")
                .getOrDefault("all", empty(priorities()));
    }

    /** The open cases whose SLA target falls due soonest (the dashboard lists them with Cockpit links). */
    public List<SlaReporting.DueSoon> breachingSoon(CaseReporting.Filter filter, int limit) {
        Instant now = clock.instant();
        return sla.dueSoon(filter, now, now.plus(properties.breachingWindow()), limit);
    }

    public List<CaseReporting.TagCount> topTags(CaseReporting.Filter filter, int limit) {
        return cases.topTags(filter, limit);
    }

    private Map<String, Metrics.Figures> figures(
            CaseReporting.Filter filter,
            Dimension dimension,
            List<CaseReporting.Figures> figuresOfKeys,
            List<SlaReporting.Settled> settled,
            List<CaseReporting.Backlog> backlog,
            Function<CaseReporting.Backlog, String> keyOfBacklog) {
        Instant now = clock.instant();
        var caseFigures = new TreeMap<String, CaseReporting.Figures>();
        figuresOfKeys.forEach(f -> caseFigures.put(f.key(), f));
        var compliance = new TreeMap<String, Map<SlaTarget, SlaReporting.Settled>>();
        settled.forEach(s ->
                compliance.computeIfAbsent(s.key(), k -> new LinkedHashMap<>()).put(s.target(), s));
        Map<String, Long> dueSoon = sla.casesDueSoon(filter, dimension, now, now.plus(properties.breachingWindow()));
        var backlogByKey = new TreeMap<String, List<CaseReporting.Backlog>>();
        backlog.forEach(b -> backlogByKey
                .computeIfAbsent(keyOfBacklog.apply(b), k -> new ArrayList<>())
                .add(b));

        var keys = new TreeSet<String>(caseFigures.keySet());
        keys.addAll(backlogByKey.keySet());
        keys.addAll(dueSoon.keySet());
        if (dimension == Dimension.ALL) {
            keys.add("all");
        }
        var result = new LinkedHashMap<String, Metrics.Figures>();
        for (String key : keys) {
            CaseReporting.Figures f = caseFigures.get(key);
            Map<String, Long> keyBacklog = backlogOf(backlogByKey.getOrDefault(key, List.of()));
            long soon = dueSoon.getOrDefault(key, 0L);
            if (f == null) {
                result.put(key, withSlaAndBacklog(empty(keyBacklog), compliance.get(key), soon));
                continue;
            }
            Metrics.Figures figures = new Metrics.Figures(
                    f.cases(),
                    timing(f.firstResponse()),
                    timing(f.acknowledgement()),
                    timing(f.resolution()),
                    f.mttrSeconds(),
                    csat(f.csat()),
                    f.resolved() == 0 ? null : round((double) f.resolvedAtFirstContact() / f.resolved()),
                    null,
                    keyBacklog,
                    soon);
            result.put(key, withSlaAndBacklog(figures, compliance.get(key), soon));
        }
        return result;
    }

    private static Metrics.Figures withSlaAndBacklog(
            Metrics.Figures f, Map<SlaTarget, SlaReporting.Settled> settled, long soon) {
        Map<SlaTarget, SlaReporting.Settled> s = settled == null ? Map.of() : settled;
        return new Metrics.Figures(
                f.cases(),
                f.frt(),
                f.timeToAcknowledge(),
                f.resolutionTime(),
                f.mttrSeconds(),
                f.csat(),
                f.fcr(),
                new Metrics.SlaCompliance(ratio(s.get(SlaTarget.RESPONSE)), ratio(s.get(SlaTarget.RESOLUTION))),
                f.backlog(),
                soon);
    }

    private static Metrics.Figures empty(Map<String, Long> backlog) {
        var none = new Metrics.Timing(null, null, null, 0);
        var distribution = new LinkedHashMap<String, Long>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(String.valueOf(score), 0L);
        }
        return new Metrics.Figures(
                0,
                none,
                none,
                none,
                null,
                new Metrics.Csat(null, 0, null, distribution),
                null,
                new Metrics.SlaCompliance(null, null),
                backlog,
                0);
    }

    /** Open cases per priority, P1, P2 and P3 always present. */
    private static Map<String, Long> backlogOf(List<CaseReporting.Backlog> rows) {
        Map<String, Long> backlog = priorities();
        rows.forEach(b -> backlog.merge(b.priority(), b.cases(), Long::sum));
        return backlog;
    }

    private static Map<String, Long> priorities() {
        var backlog = new TreeMap<String, Long>();
        PRIORITIES.forEach(p -> backlog.put(p, 0L));
        return backlog;
    }

    private static Metrics.Timing timing(CaseReporting.Timing t) {
        return new Metrics.Timing(t.avgSeconds(), t.p50Seconds(), t.p90Seconds(), t.count());
    }

    private static Metrics.Csat csat(CaseReporting.Csat c) {
        var distribution = new LinkedHashMap<String, Long>();
        c.distribution().forEach((score, n) -> distribution.put(String.valueOf(score), n));
        return new Metrics.Csat(
                round(c.average()),
                c.responses(),
                c.surveyed() == 0 ? null : round((double) c.responses() / c.surveyed()),
                distribution);
    }

    private static Double ratio(SlaReporting.Settled settled) {
        if (settled == null || settled.met() + settled.breached() == 0) {
            return null;
        }
        return round((double) settled.met() / (settled.met() + settled.breached()));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
