package io.casedesk.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features report on cases, computed where the cases are: over the cases opened in a period
 * [from, to), aggregated in SQL, answered as records. Features that must join their own tables with case facts in
 * SQL (the SLA records) read the view {@code case_report} instead, which cases owns as well (migration V8).
 */
@Service
@Transactional(readOnly = true)
public class CaseReporting {

    /** Statuses that no longer count as open work. */
    public static final Set<CaseStatus> DONE = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED);

    /** Average score and number of answers; the average is null without answers. */
    public record Csat(Double average, long responses) {}

    /** Resolved cases of the period, and how many of them one agent answer resolved. */
    public record FirstContact(long resolved, long resolvedAtFirstContact) {}

    private final JdbcClient jdbc;

    CaseReporting(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long opened(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM support_case WHERE created_at >= :from AND created_at < :to")
                .params(period(from, to))
                .query(Long.class)
                .single();
    }

    /** Seconds from opening to the first agent reply, for each case of the period that has one. */
    public List<Long> secondsToFirstResponse(Instant from, Instant to) {
        return secondsTo("first_response_at", from, to);
    }

    /** Seconds from opening to the resolution, for each case of the period that is resolved. */
    public List<Long> secondsToResolution(Instant from, Instant to) {
        return secondsTo("resolved_at", from, to);
    }

    public Csat csat(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT AVG(CAST(csat AS DOUBLE)), COUNT(csat) FROM support_case
                WHERE created_at >= :from AND created_at < :to AND csat IS NOT NULL""")
                .params(period(from, to))
                .query((rs, n) -> new Csat(rs.getObject(1) == null ? null : rs.getDouble(1), rs.getLong(2)))
                .single();
    }

    /**
     * First contact: a resolved case that was never escalated, never reopened, and had no second agent answer (such
     * as a request for more information) before it was resolved.
     */
    public FirstContact firstContact(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COUNT(*),
                       SUM(CASE WHEN c.escalation_level = 0 AND c.reopen_count = 0 AND (
                               SELECT COUNT(*) FROM case_event e WHERE e.case_id = c.id AND e.type = :agentReply) <= 1
                           THEN 1 ELSE 0 END)
                FROM support_case c
                WHERE c.created_at >= :from AND c.created_at < :to AND c.resolved_at IS NOT NULL""")
                .params(period(from, to))
                .param("agentReply", CaseEventType.AGENT_REPLY.wire())
                .query((rs, n) -> new FirstContact(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** Triaged cases not yet resolved or closed, per priority (only the priorities that have some). */
    public Map<String, Long> openByPriority() {
        return jdbc
                .sql("""
                SELECT priority, COUNT(*) FROM support_case
                WHERE status NOT IN (:done) AND priority IS NOT NULL GROUP BY priority""")
                .param("done", DONE.stream().map(CaseStatus::wire).toList())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The column names are this class's own, never a request's. */
    private List<Long> secondsTo(String column, Instant from, Instant to) {
        return jdbc.sql("SELECT created_at, " + column
                        + " FROM support_case WHERE created_at >= :from AND created_at < :to AND " + column
                        + " IS NOT NULL ORDER BY id")
                .params(period(from, to))
                .query((rs, n) ->
                        (rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()) / 1000)
                .list();
    }

    private static Map<String, Object> period(Instant from, Instant to) {
        return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
    }
}
