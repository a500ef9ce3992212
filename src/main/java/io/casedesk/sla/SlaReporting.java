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
     * Settled targets of the filter's cases per key of every dimension, in one statement: the join of the records with
     * the period's cases is grouped once by group, channel, agent and target (a few thousand rows at most), and those
     * counts are summed per key of each dimension, so the period is read once, not once per breakdown.
     */
    public Map<CaseReporting.Dimension, List<Settled>> compliance(CaseReporting.Filter filter) {
        var dimensions = CaseReporting.Dimension.values();
        var key = new StringBuilder("CASE d.n");
        var numbers = new StringBuilder();
        for (var dimension : dimensions) {
            String column = switch (dimension) {
                case ALL -> "'all'";
                case GROUP -> "g.grp";
                case CHANNEL -> "g.channel";
                case AGENT -> "g.agt";
            };
            key.append(" WHEN ").append(dimension.ordinal()).append(" THEN ").append(column);
            numbers.append(numbers.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT ")
                    .append(dimension.ordinal())
                    .append(" AS n");
        }
        key.append(" END");
        var result = new EnumMap<CaseReporting.Dimension, List<Settled>>(CaseReporting.Dimension.class);
        for (var dimension : dimensions) {
            result.put(dimension, new ArrayList<>());
        }
        jdbc.sql("""
                SELECT d.n AS dim, %1$s AS k, g.target, SUM(g.met) AS met, SUM(g.breached) AS breached
                FROM (
                    SELECT %2$s AS grp, c.channel, %3$s AS agt, r.target,
                           SUM(CASE WHEN r.outcome = :met THEN 1 ELSE 0 END) AS met,
                           SUM(CASE WHEN r.outcome = :breached THEN 1 ELSE 0 END) AS breached
                    FROM sla_record r JOIN case_report c ON c.id = r.case_id
                    WHERE %4$s
                    GROUP BY %2$s, c.channel, %3$s, r.target
                ) g CROSS JOIN (%5$s) d
                GROUP BY d.n, %1$s, g.target""".formatted(
                                key,
                                CaseReporting.Dimension.GROUP.key(),
                                CaseReporting.Dimension.AGENT.key(),
                                filter.where(true),
                                numbers))
                .params(filter.params())
                .param("met", Outcome.MET.name())
                .param("breached", Outcome.BREACHED.name())
                .query((rs, n) -> Map.entry(
                        dimensions[rs.getInt("dim")],
                        new Settled(
                                rs.getString("k"),
                                SlaTarget.valueOf(rs.getString("target")),
                                rs.getLong("met"),
                                rs.getLong("breached"))))
                .list()
                .forEach(e -> result.get(e.getKey()).add(e.getValue()));
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
