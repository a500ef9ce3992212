package io.casedesk.cases;

import java.sql.DatabaseMetaData;
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
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
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

        /** The one key the filter leaves to the dimension (its group, channel or agent), or null if it leaves more. */
        String fixes(Dimension dimension) {
            return switch (dimension) {
                case ALL -> null;
                case GROUP -> group;
                case CHANNEL -> channel;
                case AGENT -> agent;
            };
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

    /** The most values an H2 array holds (H2's MAX_ARRAY_CARDINALITY): a longer ordered list fails the statement. */
    static final int H2_ARRAY_LIMIT = 65_536;

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final JdbcTemplate session;
    private final int h2ArrayLimit;

    @Autowired
    CaseReporting(JdbcClient jdbc, DataSource dataSource) {
        this(jdbc, dataSource, H2_ARRAY_LIMIT);
    }

    /** With another array limit than H2's, so a test reaches the ranking statement without 65,536 cases. */
    CaseReporting(JdbcClient jdbc, DataSource dataSource, int h2ArrayLimit) {
        this.jdbc = jdbc;
        this.dialect = new Dialect(dataSource);
        this.session = new JdbcTemplate(dataSource);
        this.h2ArrayLimit = h2ArrayLimit;
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
        Map<Dimension, Map<String, long[]>> counts = counts(filter, dimensions);
        // a dimension the filter fixes has one key, whose cases are all the filter's: its percentiles are ALL's
        var sorted = new ArrayList<Dimension>();
        for (Dimension dimension : dimensions) {
            if (filter.fixes(dimension) == null) {
                sorted.add(dimension);
            }
        }
        if (sorted.size() < dimensions.size() && !sorted.contains(Dimension.ALL)) {
            sorted.add(0, Dimension.ALL);
        }
        // no key has more values than the period has cases: every dimension's keys add up to them
        long cases = counts.get(dimensions.get(0)).values().stream()
                .mapToLong(sums -> sum(sums, "cases"))
                .sum();
        Map<Dimension, Map<String, long[]>> percentiles = percentiles(filter, sorted, cases);
        for (Dimension dimension : dimensions) {
            String key = filter.fixes(dimension);
            if (key != null) {
                long[] all = percentiles.get(Dimension.ALL).get("all");
                percentiles.put(dimension, all == null ? Map.of() : Map.of(key, all));
            }
        }
        var result = new EnumMap<Dimension, List<Figures>>(Dimension.class);
        for (Dimension dimension : dimensions) {
            var figures = new ArrayList<Figures>();
            Map<String, long[]> ranked = percentiles.get(dimension);
            counts.get(dimension).forEach((key, sums) -> figures.add(figures(key, sums, ranked.get(key))));
            result.put(dimension, figures);
        }
        return result;
    }

    /** The columns of {@link #counts}: sums and numbers of values, added up per key of a dimension. */
    private static final List<String> SUMS = List.of(
            "cases",
            "frt_sum",
            "frt_n",
            "tta_sum",
            "tta_n",
            "res_sum",
            "res_n",
            "mttr_sum",
            "mttr_n",
            "csat_sum",
            "csat_n",
            "surveyed",
            "csat1",
            "csat2",
            "csat3",
            "csat4",
            "csat5",
            "resolved",
            "first_contact");

    /**
     * Everything of the figures but the percentiles, as sums and numbers of values, in one statement grouped by
     * group, channel and agent (at most a row per such combination, however long the period), added up per key of
     * every dimension here: each case is grouped once, where counting it under each dimension in SQL grouped four rows
     * per case (README, "Metrics"). Averages are the sums divided by the numbers.
     */
    private Map<Dimension, Map<String, long[]>> counts(Filter filter, List<Dimension> dimensions) {
        String sql = """
                SELECT grp, chn, agt, COUNT(*) AS cases, SUM(frt) AS frt_sum, COUNT(frt) AS frt_n,
                       SUM(tta) AS tta_sum, COUNT(tta) AS tta_n, SUM(res) AS res_sum, COUNT(res) AS res_n,
                       SUM(CASE WHEN priority = :p1 THEN res END) AS mttr_sum,
                       COUNT(CASE WHEN priority = :p1 THEN res END) AS mttr_n,
                       SUM(csat) AS csat_sum, COUNT(csat) AS csat_n,
                       SUM(CASE WHEN status = :closed THEN 1 ELSE 0 END) AS surveyed,
                       SUM(CASE WHEN csat = 1 THEN 1 ELSE 0 END) AS csat1, SUM(CASE WHEN csat = 2 THEN 1 ELSE 0 END) AS csat2,
                       SUM(CASE WHEN csat = 3 THEN 1 ELSE 0 END) AS csat3, SUM(CASE WHEN csat = 4 THEN 1 ELSE 0 END) AS csat4,
                       SUM(CASE WHEN csat = 5 THEN 1 ELSE 0 END) AS csat5,
                       SUM(CASE WHEN res IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
                       SUM(CASE WHEN res IS NOT NULL AND escalation_level = 0 AND reopen_count = 0 AND agent_replies <= 1
                           THEN 1 ELSE 0 END) AS first_contact
                FROM (
                    SELECT %s AS grp, c.channel AS chn, %s AS agt, c.priority, c.status, c.csat, c.escalation_level,
                           c.reopen_count, c.agent_replies, %s
                    FROM case_report c
                    WHERE %s
                ) t
                GROUP BY grp, chn, agt""".formatted(Dimension.GROUP.key(), Dimension.AGENT.key(), DURATIONS, filter.where(true));
        var sums = new EnumMap<Dimension, Map<String, long[]>>(Dimension.class);
        dimensions.forEach(d -> sums.put(d, new TreeMap<>()));
        jdbc.sql(sql).params(filter.params()).params(durationParams()).query(rs -> {
            long[] row = new long[SUMS.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getLong(SUMS.get(i));
            }
            for (Dimension dimension : dimensions) {
                String key = switch (dimension) {
                    case ALL -> "all";
                    case GROUP -> rs.getString("grp");
                    case CHANNEL -> rs.getString("chn");
                    case AGENT -> rs.getString("agt");
                };
                long[] total = sums.get(dimension).computeIfAbsent(key, k -> new long[SUMS.size()]);
                for (int i = 0; i < row.length; i++) {
                    total[i] += row[i];
                }
            }
        });
        return sums;
    }

    /**
     * The nearest-rank p50 and p90 of the three durations per key of every dimension, in one statement: each case of
     * the period is read once and counted under its key of every dimension ({@code CROSS JOIN} with the dimension
     * numbers, grouped by dimension and key). Nearest rank is the smallest value with at least p % of the values at or
     * below it: the ceil(p * n)-th entry of the key's values ordered by the database as it groups them (ARRAY_AGG on
     * H2, GROUP_CONCAT on MySQL and MariaDB). Ranking every row with window functions took most of the request's time
     * on MariaDB; MySQL has no percentile aggregate, and H2's PERCENTILE_DISC is not nearest rank (README, "Metrics").
     * An H2 array holds at most 65,536 values: for a period of more cases H2 ranks them with window functions instead
     * (the same nearest rank, slower). Answers per key {frt p50, frt p90, tta p50, tta p90, res p50, res p90}, -1 where
     * there is no value.
     */
    private Map<Dimension, Map<String, long[]>> percentiles(Filter filter, List<Dimension> dimensions, long period) {
        boolean h2 = dialect.h2();
        boolean ranked = h2 && period > h2ArrayLimit;
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
        String sql = ranked
                ? """
                SELECT dim, k, %s, %s, %s
                FROM (
                    SELECT dim, k, frt, tta, res, %s, %s, %s
                    FROM (
                        SELECT d.n AS dim, %s AS k, %s
                        FROM %s
                        WHERE %s
                    ) t
                ) r
                GROUP BY dim, k""".formatted(
                                rankPicks(TIMINGS),
                                rankPicks(ACK),
                                rankPicks(RES),
                                ranks(TIMINGS),
                                ranks(ACK),
                                ranks(RES),
                                key,
                                DURATIONS,
                                from,
                                filter.where(true))
                : """
                SELECT dim, k, %s, %s, %s
                FROM (
                    SELECT dim, k, %s, %s, %s
                    FROM (
                        SELECT d.n AS dim, %s AS k, %s
                        FROM %s
                        WHERE %s
                    ) t
                    GROUP BY dim, k
                ) g""".formatted(
                                picks(TIMINGS, h2),
                                picks(ACK, h2),
                                picks(RES, h2),
                                orderedList(TIMINGS, h2),
                                orderedList(ACK, h2),
                                orderedList(RES, h2),
                                key,
                                DURATIONS,
                                from,
                                filter.where(true));
        if (!h2) {
            // the ordered lists are as long as the period; the default limit (1 MB on MariaDB) would cut them short
            // (Statement.execute: the driver refuses updates on the read-only connection, a SET it lets through)
            session.execute("SET SESSION group_concat_max_len = 4294967295");
        }
        var result = new EnumMap<Dimension, Map<String, long[]>>(Dimension.class);
        dimensions.forEach(d -> result.put(d, new HashMap<>()));
        jdbc.sql(sql).params(filter.params()).params(durationParams()).query(rs -> {
            long[] picked = new long[6];
            int i = 0;
            for (String column : List.of(TIMINGS, ACK, RES)) {
                for (String p : List.of("_p50", "_p90")) {
                    long value = rs.getLong(column + p);
                    picked[i++] = rs.wasNull() ? -1 : value;
                }
            }
            result.get(Dimension.values()[rs.getInt("dim")]).put(rs.getString("k"), picked);
        });
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

    /** The durations in whole seconds of a case of case_report aliased {@code c}, null where not measured. */
    private static final String DURATIONS = """
            TIMESTAMPDIFF(SECOND, c.created_at, c.first_response_at) AS frt,
            TIMESTAMPDIFF(SECOND, c.created_at, c.acknowledged_at) AS tta,
            CASE WHEN c.status IN (:resolvedStatuses) THEN TIMESTAMPDIFF(SECOND, c.created_at, c.resolved_at) END AS res""";

    private static Map<String, Object> durationParams() {
        return Map.of(
                "resolvedStatuses",
                RESOLVED.stream().map(CaseStatus::wire).toList(),
                "p1",
                "P1",
                "closed",
                CaseStatus.CLOSED.wire());
    }

    private static Figures figures(String key, long[] sums, long[] ranked) {
        var distribution = new LinkedHashMap<Integer, Long>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(score, sum(sums, "csat" + score));
        }
        long csatN = sum(sums, "csat_n");
        return new Figures(
                key,
                sum(sums, "cases"),
                timing(sums, "frt", ranked, 0),
                timing(sums, "tta", ranked, 2),
                timing(sums, "res", ranked, 4),
                average(sum(sums, "mttr_sum"), sum(sums, "mttr_n")),
                new Csat(
                        csatN == 0 ? null : (double) sum(sums, "csat_sum") / csatN,
                        csatN,
                        sum(sums, "surveyed"),
                        distribution),
                sum(sums, "resolved"),
                sum(sums, "first_contact"));
    }

    private static long sum(long[] sums, String column) {
        return sums[SUMS.indexOf(column)];
    }

    private static Timing timing(long[] sums, String column, long[] ranked, int at) {
        long count = sum(sums, column + "_n");
        if (count == 0 || ranked == null) {
            return new Timing(null, null, null, count);
        }
        return new Timing(average(sum(sums, column + "_sum"), count), ranked[at], ranked[at + 1], count);
    }

    /** The average rounded to whole seconds; null of no value. */
    private static Long average(long sum, long count) {
        return count == 0 ? null : Math.round((double) sum / count);
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

    /** The number of the column's values and their ordered list (an array on H2, a text on MySQL and MariaDB). */
    private static String orderedList(String column, boolean h2) {
        return "COUNT(%1$s) AS %1$s_n, ".formatted(column)
                + (h2
                                ? "ARRAY_AGG(%1$s ORDER BY %1$s) FILTER (WHERE %1$s IS NOT NULL) AS %1$s_list"
                                : "GROUP_CONCAT(%1$s ORDER BY %1$s SEPARATOR ',') AS %1$s_list")
                        .formatted(column);
    }

    /** The ceil(p * n)-th entry of the column's ordered list: the nearest-rank p50 and p90 (null of no value). */
    private static String picks(String column, boolean h2) {
        String pick = h2
                ? "CASE WHEN %1$s_n > 0 THEN %1$s_list[CAST(CEIL(%2$s * %1$s_n) AS INT)] END"
                : "CASE WHEN %1$s_n > 0 THEN CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(%1$s_list, ',', CEIL(%2$s * %1$s_n)), ',', -1) AS SIGNED) END";
        return "%2$s AS %1$s_p50, %3$s AS %1$s_p90"
                .formatted(column, pick.formatted(column, "0.5"), pick.formatted(column, "0.9"));
    }

    /**
     * The column's rank among its key's values (nulls last, so the values rank 1 to n) and n, by window functions: what
     * H2 orders instead of an array when a key may have more values than an array holds.
     */
    private static String ranks(String column) {
        return ("ROW_NUMBER() OVER (PARTITION BY dim, k ORDER BY %1$s NULLS LAST) AS %1$s_rank, "
                        + "COUNT(%1$s) OVER (PARTITION BY dim, k) AS %1$s_n")
                .formatted(column);
    }

    /** The value ranked ceil(p * n) of its key: the nearest-rank p50 and p90 from {@link #ranks} (null of no value). */
    private static String rankPicks(String column) {
        String pick = "MIN(CASE WHEN %1$s_rank = CEIL(%2$s * %1$s_n) THEN %1$s END)";
        return "%2$s AS %1$s_p50, %3$s AS %1$s_p90"
                .formatted(column, pick.formatted(column, "0.5"), pick.formatted(column, "0.9"));
    }

    /** How many cases a key (a tag, or a category) had in a period, and their customers' average CSAT. */
    public record KeyFigures(long cases, Double csatAverage, long csatResponses) {}

    /**
     * The cases opened in [from, to) with the tag (when given) or else the category, and their CSAT: what a
     * prevention check compares before and after an incident.
     */
    public KeyFigures keyFigures(String tag, String category, Instant from, Instant to) {
        String match = tag != null
                ? "EXISTS (SELECT 1 FROM case_tag t WHERE t.case_id = c.id AND t.tag = :key)"
                : "c.category = :key";
        return jdbc.sql("SELECT COUNT(*) AS n, AVG(c.csat * 1.0) AS csat, COUNT(c.csat) AS answers"
                        + " FROM support_case c WHERE " + match + " AND c.created_at >= :from AND c.created_at < :to")
                .param("key", tag != null ? tag : category)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> {
                    double csat = rs.getDouble("csat");
                    Double average = rs.wasNull() ? null : csat;
                    return new KeyFigures(rs.getLong("n"), average, rs.getLong("answers"));
                })
                .single();
    }
}
