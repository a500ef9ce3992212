package io.casedesk.sla;

import io.casedesk.cases.CaseReporting;
import io.casedesk.cases.CaseStatus;
import io.casedesk.sla.SlaRecord.Outcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA figures for the metrics, aggregated in SQL over the records joined with the view case_report, with the same
 * filter and breakdown as the case figures ({@link CaseReporting.Filter}, {@link CaseReporting.Dimension}).
 */
@Service
@Transactional(readOnly = true)
public class SlaReporting {

    /** Settled targets of one key: met and breached (targets still running count for neither). */
    public record Settled(String key, SlaTarget target, long met, long breached) {}

    /** A running target of an open case due within the window. */
    public record DueSoon(
            String reference,
            String priority,
            String group,
            String channel,
            String agent,
            String processInstanceId,
            SlaTarget target,
            Instant dueAt) {}

    private final JdbcClient jdbc;

    SlaReporting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Settled targets of the filter's cases per key of every dimension. The join of the records with the period's
     * cases is the costliest part of the metrics, so it runs once: grouped by group, channel, agent and target (so at
     * most a row per combination of those, however long the period), whose counts are then summed per key of each
     * dimension here; summing them in SQL as well took longer than the join on MariaDB (README, "Metrics").
     */
    public Map<CaseReporting.Dimension, List<Settled>> compliance(CaseReporting.Filter filter) {
        var sums = new EnumMap<CaseReporting.Dimension, Map<String, Map<SlaTarget, long[]>>>(
                CaseReporting.Dimension.class);
        for (var dimension : CaseReporting.Dimension.values()) {
            sums.put(dimension, new TreeMap<>());
        }
        jdbc.sql("""
                SELECT %1$s AS grp, c.channel, %2$s AS agt, r.target,
                       SUM(CASE WHEN r.outcome = :met THEN 1 ELSE 0 END) AS met,
                       SUM(CASE WHEN r.outcome = :breached THEN 1 ELSE 0 END) AS breached
                FROM sla_record r JOIN case_report c ON c.id = r.case_id
                WHERE %3$s
                GROUP BY %1$s, c.channel, %2$s, r.target""".formatted(
                        CaseReporting.Dimension.GROUP.key(), CaseReporting.Dimension.AGENT.key(), filter.where(true)))
                .params(filter.params())
                .param("met", Outcome.MET.name())
                .param("breached", Outcome.BREACHED.name())
                .query(rs -> {
                    SlaTarget target = SlaTarget.valueOf(rs.getString("target"));
                    long met = rs.getLong("met");
                    long breached = rs.getLong("breached");
                    for (var dimension : CaseReporting.Dimension.values()) {
                        String key = switch (dimension) {
                            case ALL -> "all";
                            case GROUP -> rs.getString("grp");
                            case CHANNEL -> rs.getString("channel");
                            case AGENT -> rs.getString("agt");
                        };
                        long[] counts = sums.get(dimension)
                                .computeIfAbsent(key, k -> new EnumMap<>(SlaTarget.class))
                                .computeIfAbsent(target, t -> new long[2]);
                        counts[0] += met;
                        counts[1] += breached;
                    }
                });
        var result = new EnumMap<CaseReporting.Dimension, List<Settled>>(CaseReporting.Dimension.class);
        sums.forEach((dimension, byKey) -> {
            var settled = new ArrayList<Settled>();
            byKey.forEach((key, byTarget) ->
                    byTarget.forEach((target, counts) -> settled.add(new Settled(key, target, counts[0], counts[1]))));
            result.put(dimension, settled);
        });
        return result;
    }

    /** Open cases with a running, unpaused target due in [now, until), per key of the dimension. */
    public Map<String, Long> casesDueSoon(
            CaseReporting.Filter filter, CaseReporting.Dimension dimension, Instant now, Instant until) {
        var counts = new TreeMap<String, Long>();
        jdbc.sql("""
                SELECT %1$s AS k, COUNT(DISTINCT c.id) AS n
                FROM sla_record r JOIN case_report c ON c.id = r.case_id
                WHERE %2$s AND c.status IN (:open) AND r.outcome = :running AND r.paused_since IS NULL
                  AND r.due_at >= :now AND r.due_at < :until
                GROUP BY %1$s""".formatted(dimension.key(), filter.where(false)))
                .params(filter.params())
                .param("open", CaseReporting.OPEN.stream().map(CaseStatus::wire).toList())
                .param("running", Outcome.RUNNING.name())
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query((rs, n) -> Map.entry(rs.getString("k"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * Running, unpaused targets of open cases (whenever opened) due in [now, until), soonest first; at most
     * {@code limit}.
     */
    public List<DueSoon> dueSoon(CaseReporting.Filter filter, Instant now, Instant until, int limit) {
        return jdbc.sql("""
                SELECT c.reference, c.priority, %s AS grp, c.channel, %s AS agt, c.process_instance_id, r.target,
                       r.due_at
                FROM sla_record r JOIN case_report c ON c.id = r.case_id
                WHERE %s AND c.status IN (:open) AND r.outcome = :running AND r.paused_since IS NULL
                  AND r.due_at >= :now AND r.due_at < :until
                ORDER BY r.due_at, c.reference LIMIT :limit""".formatted(
                        CaseReporting.Dimension.GROUP.key(), CaseReporting.Dimension.AGENT.key(), filter.where(false)))
                .params(filter.params())
                .param("open", CaseReporting.OPEN.stream().map(CaseStatus::wire).toList())
                .param("running", Outcome.RUNNING.name())
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("limit", limit)
                .query((rs, n) -> new DueSoon(
                        rs.getString("reference"),
                        rs.getString("priority"),
                        rs.getString("grp"),
                        rs.getString("channel"),
                        rs.getString("agt"),
                        rs.getString("process_instance_id"),
                        SlaTarget.valueOf(rs.getString("target")),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }
}
