package io.casedesk.cases;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features report on cases, computed where the cases are: aggregated in SQL over the view
 * {@code case_report} (averages, percentiles and counts come back, never the period's rows), answered as records.
 * Features that join their own tables with case facts in SQL (the SLA records) use the same {@link Filter} and
 * {@link Dimension} on that view, so every figure counts the same cases.
 */
@Service
@Transactional(readOnly = true)
public class CaseReporting {

    /** Statuses that no longer count as open work: done, or folded into another case. */
    public static final Set<CaseStatus> DONE = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.MERGED);

    /** Open work: every status but those {@link #DONE}; named rather than negated, so the status index finds them. */
    public static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(DONE));

    /** Statuses whose resolution time counts (a reopened case has none until it is resolved again). */
    static final Set<CaseStatus> RESOLVED = EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED);

    /** The key of cases without a group or agent (not yet triaged, or answered before agents were recorded). */
    public static final String UNKNOWN = "unknown";

    /**
     * The cases a figure counts: opened in [from, to), not merged into another case, and, when given, of one
     * assigned group, channel or (last answering) agent.
     */
    public record Filter(Instant from, Instant to, String group, String channel, String agent) {

        public Filter withPeriod(Instant newFrom, Instant newTo) {
            return new Filter(newFrom, newTo, group, channel, agent);
        }

        /** The SQL condition on case_report aliased {@code c}, period included or not; values are parameters. */
        public String where(boolean period) {
            var sql = new StringBuilder("c.status <> :merged");
            if (period) {
                sql.append(" AND c.created_at >= :from AND c.created_at < :to");
            }
            if (group != null) {
                sql.append(" AND c.assigned_group = :group");
            }
            if (channel != null) {
                sql.append(" AND c.channel = :channel");
            }
            if (agent != null) {
                sql.append(" AND c.agent = :agent");
            }
            return sql.toString();
        }

        public Map<String, Object> params() {
            var params = new HashMap<String, Object>();
            params.put("merged", CaseStatus.MERGED.wire());
            params.put("from", Timestamp.from(from));
            params.put("to", Timestamp.from(to));
            if (group != null) {
                params.put("group", group);
            }
            if (channel != null) {
                params.put("channel", channel);
            }
            if (agent != null) {
                params.put("agent", agent);
            }
            return params;
        }
    }

    /** What figures are broken down by: nothing (one key, "all"), the assigned group, the channel, the agent. */
    public enum Dimension {
        ALL("'all'"),
        GROUP("COALESCE(c.assigned_group, '" + UNKNOWN + "')"),
        CHANNEL("c.channel"),
        AGENT("COALESCE(c.agent, '" + UNKNOWN + "')");

        private final String key;

        Dimension(String key) {
            this.key = key;
        }

        /** The SQL expression of the key on case_report aliased {@code c}. */
        public String key() {
            return key;
        }
    }

    /** Average and percentiles (nearest rank) in seconds; null when nothing was measured. */
    public record Timing(Long avgSeconds, Long p50Seconds, Long p90Seconds, long count) {}

    /** Average score, answers, surveyed (closed) cases and the answers per score 1–5. */
    public record Csat(Double average, long responses, long surveyed, Map<Integer, Long> distribution) {}

    /** The case figures of one key of a dimension. */
    public record Figures(
            String key,
            long cases,
            Timing firstResponse,
            Timing acknowledgement,
            Timing resolution,
            Long mttrSeconds,
            Csat csat,
            long resolved,
            long resolvedAtFirstContact) {}

    /** Open cases of one priority, group, channel and agent. */
    public record Backlog(String priority, String group, String channel, String agent, long cases) {}

    public record TagCount(String tag, long cases) {}

    private static final String TIMINGS = "frt", ACK = "tta", RES = "res";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final JdbcTemplate session;

    CaseReporting(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dialect = new Dialect(dataSource);
        this.session = new JdbcTemplate(dataSource);
    }

    /** Whether the database is H2 (else MySQL or MariaDB), asked once. */
    private static final class Dialect {
        private final DataSource dataSource;
        private volatile Boolean h2;

        Dialect(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        boolean h2() {
            if (h2 == null) {
                try {
                    h2 = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                            .startsWith("H2");
                } catch (MetaDataAccessException e) {
                    throw new IllegalStateException("cannot tell which database the cases are in", e);
                }
            }
            return h2;
        }
    }

    /**
     * The case figures of the filter's cases per key of the dimension, in one statement. Percentiles are nearest rank
     * (the smallest value with at least p % of the values at or below it): the ceil(p * n)-th entry of the key's values
     * ordered by the database as it groups them (ARRAY_AGG on H2, GROUP_CONCAT on MySQL and MariaDB). Ranking every
     * row with window functions took most of the request's time on MariaDB; MySQL has no percentile aggregate, and
     * H2's PERCENTILE_DISC is not nearest rank (README, "Metrics").
     */
    public List<Figures> figures(Filter filter, Dimension dimension) {
        return figures(filter, List.of(dimension)).get(dimension);
    }

    /**
     * The case figures of the filter's cases per key of every dimension, in one statement: each case of the period is
     * read once and counted under its key of each dimension (four rows per case, grouped by dimension and key) instead of
     * once per dimension (README, "Metrics").
     */
    public Map<Dimension, List<Figures>> figures(Filter filter) {
        return figures(filter, List.of(Dimension.values()));
    }

    private Map<Dimension, List<Figures>> figures(Filter filter, List<Dimension> dimensions) {
        boolean h2 = dialect.h2();
        String key;
        String from;
        if (dimensions.size() == 1) {
            key = dimensions.get(0).key();
            from = "case_report c, (SELECT %d AS n) d"
                    .formatted(dimensions.get(0).ordinal());
        } else {
            var cases = new StringBuilder("CASE d.n");
            var numbers = new StringBuilder();
            for (Dimension dimension : dimensions) {
                cases.append(" WHEN %d THEN %s".formatted(dimension.ordinal(), dimension.key()));
                numbers.append(numbers.isEmpty() ? "" : " UNION ALL ")
                        .append("SELECT %d AS n".formatted(dimension.ordinal()));
            }
            key = cases.append(" END").toString();
            from = "case_report c CROSS JOIN (%s) d".formatted(numbers);
        }
        String grouped = """
                SELECT dim, k, COUNT(*) AS cases, %s, %s, %s,
                       AVG(CASE WHEN priority = :p1 THEN CAST(res AS DOUBLE) END) AS mttr,
                       AVG(CAST(csat AS DOUBLE)) AS csat_avg, COUNT(csat) AS csat_n,
                       SUM(CASE WHEN status = :closed THEN 1 ELSE 0 END) AS surveyed,
                       SUM(CASE WHEN csat = 1 THEN 1 ELSE 0 END) AS csat1, SUM(CASE WHEN csat = 2 THEN 1 ELSE 0 END) AS csat2,
                       SUM(CASE WHEN csat = 3 THEN 1 ELSE 0 END) AS csat3, SUM(CASE WHEN csat = 4 THEN 1 ELSE 0 END) AS csat4,
                       SUM(CASE WHEN csat = 5 THEN 1 ELSE 0 END) AS csat5,
                       SUM(CASE WHEN res IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
                       SUM(CASE WHEN res IS NOT NULL AND escalation_level = 0 AND reopen_count = 0 AND agent_replies <= 1
                           THEN 1 ELSE 0 END) AS first_contact
                FROM (
                    SELECT d.n AS dim, %s AS k, c.priority, c.status, c.csat, c.escalation_level, c.reopen_count,
                           c.agent_replies,
                           TIMESTAMPDIFF(SECOND, c.created_at, c.first_response_at) AS frt,
                           TIMESTAMPDIFF(SECOND, c.created_at, c.acknowledged_at) AS tta,
                           CASE WHEN c.status IN (:resolvedStatuses)
                                THEN TIMESTAMPDIFF(SECOND, c.created_at, c.resolved_at) END AS res
                    FROM %s
                    WHERE %s
                ) t
                GROUP BY dim, k""".formatted(
                aggregates(TIMINGS, h2), aggregates(ACK, h2), aggregates(RES, h2), key, from, filter.where(true));
        String sql = """
                SELECT dim, k, cases, mttr, csat_avg, csat_n, surveyed, csat1, csat2, csat3, csat4, csat5, resolved,
                       first_contact, %s, %s, %s
                FROM (%s) g
                ORDER BY dim, k""".formatted(picks(TIMINGS, h2), picks(ACK, h2), picks(RES, h2), grouped);
        if (!h2) {
            // the ordered lists are as long as the period; the default limit (1 MB on MariaDB) would cut them short
            // (Statement.execute: the driver refuses updates on the read-only connection, a SET it lets through)
            session.execute("SET SESSION group_concat_max_len = 4294967295");
        }
        var result = new EnumMap<Dimension, List<Figures>>(Dimension.class);
        dimensions.forEach(d -> result.put(d, new ArrayList<>()));
        jdbc.sql(sql)
                .params(filter.params())
                .param("p1", "P1")
                .param("closed", CaseStatus.CLOSED.wire())
                .param(
                        "resolvedStatuses",
                        RESOLVED.stream().map(CaseStatus::wire).toList())
                .query((rs, n) -> Map.entry(
                        Dimension.values()[rs.getInt("dim")],
                        new Figures(
                                rs.getString("k"),
                                rs.getLong("cases"),
                                timing(rs, TIMINGS),
                                timing(rs, ACK),
                                timing(rs, RES),
                                roundedLong(rs, "mttr"),
                                csat(rs),
                                rs.getLong("resolved"),
                                rs.getLong("first_contact"))))
                .list()
                .forEach(e -> result.get(e.getKey()).add(e.getValue()));
        return result;
    }

    /** The filter's cases that casedesk answered itself, how many of them that settled, and their CSAT. */
    public record Automated(long cases, long firstContact, Double csatAverage, long csatResponses) {}

    /**
     * The automatic answers among the filter's cases: an answer settled the case at first contact when the customer
     * never said "still broken" (nor replied) after it and the case is resolved or closed. A query of its own on
     * support_case (the reporting view does not carry the flag), so the figures above stay as they are.
     */
    public Automated automated(Filter filter) {
        return jdbc.sql("""
                SELECT COUNT(*) AS cases,
                       SUM(CASE WHEN c.reopen_count = 0 AND c.status IN (:settled) THEN 1 ELSE 0 END) AS first_contact,
                       AVG(CAST(c.csat AS DOUBLE)) AS csat_avg, COUNT(c.csat) AS csat_n
                FROM support_case c
                WHERE c.automated = TRUE AND %s""".formatted(filter.where(true)))
                .params(filter.params())
                .param("settled", List.of(CaseStatus.RESOLVED.wire(), CaseStatus.CLOSED.wire()))
                .query((rs, n) -> new Automated(
                        rs.getLong("cases"),
                        rs.getLong("first_contact"),
                        (Double) rs.getObject("csat_avg", Double.class),
                        rs.getLong("csat_n")))
                .single();
    }

    /** Open cases (not resolved, closed or merged, whenever opened) per priority, group, channel and agent. */
    public List<Backlog> backlog(Filter filter) {
        return jdbc.sql("""
                SELECT c.priority, %s AS grp, c.channel, %s AS agt, COUNT(*) AS n
                FROM case_report c
                WHERE %s AND c.status IN (:open) AND c.priority IS NOT NULL
                GROUP BY c.priority, %s, c.channel, %s""".formatted(
                                Dimension.GROUP.key(),
                                Dimension.AGENT.key(),
                                filter.where(false),
                                Dimension.GROUP.key(),
                                Dimension.AGENT.key()))
                .params(filter.params())
                .param("open", OPEN.stream().map(CaseStatus::wire).toList())
                .query((rs, n) -> new Backlog(
                        rs.getString("priority"),
                        rs.getString("grp"),
                        rs.getString("channel"),
                        rs.getString("agt"),
                        rs.getLong("n")))
                .list();
    }

    /** Triaged open cases per priority (only the priorities that have some), whoever works them. */
    public Map<String, Long> openByPriority() {
        var open = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                SELECT priority, COUNT(*) FROM case_report
                WHERE status IN (:open) AND priority IS NOT NULL GROUP BY priority ORDER BY priority""")
                .param("open", OPEN.stream().map(CaseStatus::wire).toList())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> open.put(e.getKey(), e.getValue()));
        return open;
    }

    /** The tags of the filter's cases, most frequent first. */
    public List<TagCount> topTags(Filter filter, int limit) {
        return jdbc.sql("""
                SELECT t.tag, COUNT(*) AS n FROM case_tag t JOIN case_report c ON c.id = t.case_id
                WHERE %s GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT :limit""".formatted(filter.where(true)))
                .params(filter.params())
                .param("limit", limit)
                .query((rs, n) -> new TagCount(rs.getString("tag"), rs.getLong("n")))
                .list();
    }

    /** Average and number of the column's values and their ordered list (an array on H2, a text on MySQL). */
    private static String aggregates(String column, boolean h2) {
        return "AVG(CAST(%1$s AS DOUBLE)) AS %1$s_avg, COUNT(%1$s) AS %1$s_n, ".formatted(column)
                + (h2
                                ? "ARRAY_AGG(%1$s ORDER BY %1$s) FILTER (WHERE %1$s IS NOT NULL) AS %1$s_list"
                                : "GROUP_CONCAT(%1$s ORDER BY %1$s SEPARATOR ',') AS %1$s_list")
                        .formatted(column);
    }

    /** The ceil(p * n)-th entry of the column's ordered list: the nearest-rank p50 and p90. */
    private static String picks(String column, boolean h2) {
        String pick = h2
                ? "CASE WHEN %1$s_n > 0 THEN %1$s_list[CAST(CEIL(%2$s * %1$s_n) AS INT)] END"
                : "CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(%1$s_list, ',', CEIL(%2$s * %1$s_n)), ',', -1) AS SIGNED)";
        return "%1$s_avg, %1$s_n, %2$s AS %1$s_p50, %3$s AS %1$s_p90"
                .formatted(column, pick.formatted(column, "0.5"), pick.formatted(column, "0.9"));
    }

    private static Timing timing(ResultSet rs, String column) throws SQLException {
        long count = rs.getLong(column + "_n");
        if (count == 0) {
            return new Timing(null, null, null, 0);
        }
        return new Timing(
                roundedLong(rs, column + "_avg"), rs.getLong(column + "_p50"), rs.getLong(column + "_p90"), count);
    }

    private static Csat csat(ResultSet rs) throws SQLException {
        var distribution = new LinkedHashMap<Integer, Long>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(score, rs.getLong("csat" + score));
        }
        double average = rs.getDouble("csat_avg");
        return new Csat(rs.wasNull() ? null : average, rs.getLong("csat_n"), rs.getLong("surveyed"), distribution);
    }

    private static Long roundedLong(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value);
    }
}
