package io.casedesk.trends;

import io.casedesk.cases.CaseStoreFixture;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One trend-watch cycle (Trends.detect) and GET /api/trends (Trends.report) over a year of cases: by default
 * 1,000,000 cases (20 tags, 8 categories) and half as many later customer messages, spread evenly over 365 days,
 * on in-memory H2, or on MySQL/MariaDB when TRENDS_BENCH_MYSQL_URL names an empty database of its own (with
 * MYSQL_USER, MYSQL_PASSWORD; add rewriteBatchedStatements=true to load faster). There it also prints the plans of the
 * counting queries. Not run by any suite:
 * <pre>flock /work/bench.lock ./mvnw -Pbench test -Dtest=TrendDetectionBenchmark</pre>
 * System property casedesk.bench.trend-cases changes the number of cases.
 */
@Tag("benchmark")
class TrendDetectionBenchmark {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final int BATCH = 5_000;
    private static final int RUNS = 7;

    @Test
    void detectionOverAYearOfCases() throws Exception {
        int cases = Integer.getInteger("casedesk.bench.trend-cases", 1_000_000);
        String mysql = System.getenv("TRENDS_BENCH_MYSQL_URL");
        boolean onMySql = mysql != null && !mysql.isBlank();
        DataSource database = onMySql
                ? new DriverManagerDataSource(mysql, System.getenv("MYSQL_USER"), System.getenv("MYSQL_PASSWORD"))
                : new DriverManagerDataSource(
                        "jdbc:h2:mem:trend-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        CaseStoreFixture store = CaseStoreFixture.on(database);
        long loadStart = System.nanoTime();
        load(new JdbcTemplate(database), cases);
        long loadSeconds = Duration.ofNanos(System.nanoTime() - loadStart).toSeconds();

        var trends = new Trends(
                new IncidentStore(store.jdbc()),
                store.caseTrends(),
                new TableThresholds(),
                new TrendSettings(Duration.ofMinutes(5), Duration.ofHours(1), 7, -0.3, 500, 10),
                Clock.fixed(NOW, ZoneOffset.UTC),
                event -> {});
        long[] detect = new long[RUNS];
        long[] report = new long[RUNS];
        int opened = 0;
        for (int i = 0; i < RUNS; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(5L * (RUNS - i)));
            long t0 = System.nanoTime();
            opened += trends.detect(at).size();
            detect[i] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            trends.report(Duration.ofHours(1));
            report[i] = System.nanoTime() - t1;
        }
        System.out.printf(
                "%n#### Trend detection over %,d cases (%s, loaded in %d s, %d incidents opened)%n%n"
                        + "| operation | median ms | max ms |%n|---|---|---|%n"
                        + "| one trend-watch cycle (detect) | %d | %d |%n"
                        + "| GET /api/trends (report) | %d | %d |%n",
                cases,
                onMySql ? "MySQL/MariaDB" : "H2 in memory",
                loadSeconds,
                opened,
                median(detect),
                max(detect),
                median(report),
                max(report));
        if (onMySql) {
            explain(new JdbcTemplate(database));
        }
    }

    /** Cases evenly over the year before NOW, each with one of 20 tags; every second one has a later message. */
    private static void load(JdbcTemplate jdbc, int cases) {
        var random = new Random(42);
        long span = Duration.ofDays(365).toMillis();
        List<Object[]> caseRows = new ArrayList<>();
        List<Object[]> tagRows = new ArrayList<>();
        List<Object[]> messageRows = new ArrayList<>();
        for (int i = 1; i <= cases; i++) {
            Instant created = NOW.minusMillis(span - span * i / cases);
            double sentiment = random.nextDouble() * 2 - 1;
            caseRows.add(new Object[] {
                i,
                "B-%08d".formatted(i),
                random.nextInt(4) == 0 ? "open" : "closed",
                "customer" + (i % 50_000) + "@bench.example",
                "Problem " + i,
                "category" + (i % 8),
                sentiment,
                Timestamp.from(created)
            });
            tagRows.add(new Object[] {i, "tag" + (i % 20)});
            if (i % 2 == 0) {
                messageRows.add(
                        new Object[] {i, Timestamp.from(created.plusSeconds(600)), random.nextDouble() * 2 - 1});
            }
            if (caseRows.size() == BATCH || i == cases) {
                jdbc.batchUpdate("""
                        INSERT INTO support_case (id, reference, status, channel, customer_email, customer_tier,
                            subject, description, severity_given, category, sentiment, latest_sentiment,
                            worst_sentiment, created_at)
                        VALUES (?, ?, ?, 'email', ?, 'standard', ?, 'text', FALSE, ?, ?, 0, 0, ?)""", caseRows);
                jdbc.batchUpdate("INSERT INTO case_tag (case_id, tag) VALUES (?, ?)", tagRows);
                jdbc.batchUpdate(
                        "INSERT INTO case_event (case_id, at, type, detail, sentiment)"
                                + " VALUES (?, ?, 'customer-message', 'later message', ?)",
                        messageRows);
                caseRows.clear();
                tagRows.clear();
                messageRows.clear();
            }
        }
    }

    private static void explain(JdbcTemplate jdbc) {
        String from = "'2027-06-01 11:00:00'";
        String to = "'2027-06-01 12:00:00'";
        for (String query : List.of(
                "SELECT t.tag, COUNT(*) FROM support_case c JOIN case_tag t ON t.case_id = c.id WHERE c.created_at >= "
                        + from + " AND c.created_at < " + to + " GROUP BY t.tag",
                "SELECT c.category, COUNT(*) FROM support_case c WHERE c.created_at >= " + from + " AND c.created_at < "
                        + to + " AND c.category IS NOT NULL GROUP BY c.category",
                "SELECT COUNT(*), SUM(CASE WHEN c.sentiment < -0.3 THEN 1 ELSE 0 END) FROM support_case c"
                        + " WHERE c.created_at >= " + from + " AND c.created_at < " + to,
                "SELECT COUNT(*), SUM(CASE WHEN e.sentiment < -0.3 THEN 1 ELSE 0 END) FROM case_event e"
                        + " WHERE e.type = 'customer-message' AND e.at >= " + from + " AND e.at < " + to)) {
            System.out.println("\nEXPLAIN " + query);
            jdbc.queryForList("EXPLAIN " + query).forEach(row -> System.out.println("  " + row));
        }
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return Duration.ofNanos(sorted[sorted.length / 2]).toMillis();
    }

    private static long max(long[] nanos) {
        return Duration.ofNanos(Arrays.stream(nanos).max().orElse(0)).toMillis();
    }
}
