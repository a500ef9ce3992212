package io.casedesk.metrics;

import io.casedesk.sla.SlaClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures managers steer by, over the cases opened in a period: first-response time (FRT), resolution time
 * and its mean (MTTR), CSAT, first-contact resolution (FCR), SLA compliance (from the SLA records the timers
 * wrote) and the open backlog per priority.
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    private final JdbcClient jdbc;
    private final SlaClock slaClock;

    MetricsService(JdbcClient jdbc, SlaClock slaClock) {
        this.jdbc = jdbc;
        this.slaClock = slaClock;
    }

    public Metrics metrics(Instant from, Instant to) {
        long cases = jdbc.sql("SELECT COUNT(*) FROM support_case WHERE created_at >= :from AND created_at < :to")
                .params(period(from, to)).query(Long.class).single();
        Metrics.Timing frt = timing(seconds("first_response_at", from, to));
        Metrics.Timing resolution = timing(seconds("resolved_at", from, to));
        var csat = jdbc.sql("""
                SELECT AVG(CAST(csat AS DOUBLE)), COUNT(csat) FROM support_case
                WHERE created_at >= :from AND created_at < :to AND csat IS NOT NULL""")
                .params(period(from, to))
                .query((rs, n) -> new Metrics.Csat(rs.getObject(1) == null ? null : round(rs.getDouble(1)), rs.getLong(2)))
                .single();
        var compliance = slaClock.compliance(from, to);
        return new Metrics(from, to, cases, frt, resolution, csat, firstContactResolution(from, to),
                resolution.avgSeconds(), new Metrics.SlaCompliance(round(compliance.response().ratio()),
                round(compliance.resolution().ratio())), backlog());
    }

    /**
     * First-contact resolution: the share of the period's resolved cases that one agent answer resolved (never
     * escalated, never reopened, no second answer such as a request for more information first).
     */
    private Double firstContactResolution(Instant from, Instant to) {
        var counts = jdbc.sql("""
                SELECT COUNT(*),
                       SUM(CASE WHEN c.escalation_level = 0 AND c.reopen_count = 0 AND (
                               SELECT COUNT(*) FROM case_event e WHERE e.case_id = c.id AND e.type = 'agent-reply') <= 1
                           THEN 1 ELSE 0 END)
                FROM support_case c
                WHERE c.created_at >= :from AND c.created_at < :to AND c.resolved_at IS NOT NULL""")
                .params(period(from, to)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return counts[0] == 0 ? null : round((double) counts[1] / counts[0]);
    }

    /** Cases not yet resolved or closed, per priority (P1, P2, P3 always present). */
    private Map<String, Long> backlog() {
        var backlog = new LinkedHashMap<String, Long>();
        for (String priority : List.of("P1", "P2", "P3")) {
            backlog.put(priority, 0L);
        }
        jdbc.sql("""
                SELECT priority, COUNT(*) FROM support_case
                WHERE status NOT IN ('resolved', 'closed') AND priority IS NOT NULL GROUP BY priority ORDER BY priority""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> backlog.put(e.getKey(), e.getValue()));
        return backlog;
    }

    /** Seconds from opening to the given timestamp column, for the cases of the period that have it. */
    private List<Long> seconds(String column, Instant from, Instant to) {
        return jdbc.sql("SELECT created_at, " + column + " FROM support_case WHERE created_at >= :from AND created_at < :to AND "
                        + column + " IS NOT NULL ORDER BY id")
                .params(period(from, to))
                .query((rs, n) -> (rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 1000).list();
    }

    private static Metrics.Timing timing(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Metrics.Timing(null, null, 0);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        long avg = Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
        long p90 = sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
        return new Metrics.Timing(avg, p90, sorted.size());
    }

    private static Map<String, Object> period(Instant from, Instant to) {
        return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
