package io.casedesk.bench;

import io.casedesk.TestMailServer;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: what history level FULL (casedesk's setting: the decision history explains each case's
 * priority, route and escalation) costs against AUDIT ({@code camunda.bpm.history-level}), on H2 and MariaDB in one
 * run. Each level needs a database of its own (the engine refuses to start on a database written at another
 * level). Per database and level: cases opened per second, full lifecycles per second (as LifecycleBenchmark
 * drives them), and the engine history (ACT_HI_* tables) written per case: rows, and on MariaDB/MySQL bytes as the
 * server sizes its tables (data and index length after ANALYZE TABLE, a page-granular estimate). H2 has no such
 * figure worth printing: DISK_SPACE_USED of its MVStore tables went down while rows were added (pages rewritten and
 * compacted), so its bytes are left out.
 * <pre>./mvnw -Pbench test -Dtest=HistoryLevelBenchmark [-Dbenchmark.workers=4] [-Dbenchmark.intakeCases=200]
 *     [-Dbenchmark.seconds=20] [-Dbenchmark.warmupSeconds=5] [-Dbenchmark.databases=h2,mysql]</pre>
 */
@Tag("benchmark")
class HistoryLevelBenchmark {

    private static final int WORKERS = Integer.getInteger("benchmark.workers", 4);
    private static final int INTAKE_CASES = Integer.getInteger("benchmark.intakeCases", 200);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 5));
    private static final List<String> LEVELS = List.of("full", "audit");

    @Test
    void fullVersusAudit() throws Exception {
        var results = new ArrayList<Measured>();
        for (BenchDatabases.Kind kind : BenchDatabases.available()) {
            for (String level : LEVELS) {
                try (var database = kind.create("history_" + level);
                        var app = database.start("camunda.bpm.history-level=" + level)) {
                    TestMailServer.purge();
                    results.add(measure(app, kind, level));
                }
                print(results);
            }
        }
        if (results.stream().anyMatch(r -> r.lifecycles().completed() == 0 || r.intakePerSecond() <= 0)) {
            throw new AssertionError("a database and level measured nothing");
        }
    }

    record Footprint(long rows, long bytes) {}

    record Measured(
            String database,
            String level,
            double intakePerSecond,
            BenchLifecycles.Result lifecycles,
            double rowsPerOpenedCase,
            double rowsPerLifecycle,
            double bytesPerLifecycle) {}

    private static Measured measure(ConfigurableApplicationContext app, BenchDatabases.Kind kind, String level)
            throws Exception {
        var jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        var lifecycles = new BenchLifecycles(app);
        lifecycles.run(WORKERS, WARMUP);
        lifecycles.awaitIdleJobs();

        Footprint start = history(jdbc, kind);
        double intakePerSecond = openCases(app.getBean(IntakeService.class), level);
        lifecycles.awaitIdleJobs();
        Footprint opened = history(jdbc, kind);

        BenchLifecycles.Result result = lifecycles.run(WORKERS, MEASURED);
        lifecycles.awaitIdleJobs();
        Footprint lived = history(jdbc, kind);
        int completed = Math.max(1, result.completed());
        return new Measured(
                kind.label(),
                level.toUpperCase(),
                intakePerSecond,
                result,
                (opened.rows() - start.rows()) / (double) INTAKE_CASES,
                (lived.rows() - opened.rows()) / (double) completed,
                kind.h2() ? Double.NaN : (lived.bytes() - opened.bytes()) / (double) completed);
    }

    /** Opens INTAKE_CASES cases from WORKERS threads, as the API does; cases per second. */
    private static double openCases(IntakeService intake, String level) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        var failures = new ArrayList<Throwable>();
        long start = System.nanoTime();
        for (int i = 0; i < INTAKE_CASES; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    TestCases.open(
                            intake,
                            "email",
                            "history-" + level + "-" + n + "@example.com",
                            "standard",
                            "Order " + n + " has not arrived",
                            "My order has not arrived yet.",
                            null);
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            pool.shutdownNow();
            throw new IllegalStateException("intake did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " cases failed to open", failures.get(0));
        }
        return INTAKE_CASES / seconds;
    }

    /** Rows and bytes of the engine's history tables now. */
    private static Footprint history(JdbcTemplate jdbc, BenchDatabases.Kind kind) {
        List<String> tables = jdbc.queryForList(
                kind.h2()
                        ? "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                                + " AND TABLE_NAME LIKE 'ACT\\_HI\\_%'"
                        : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                                + " AND UPPER(TABLE_NAME) LIKE 'ACT\\_HI\\_%'",
                String.class);
        long rows = 0;
        long bytes = 0;
        for (String table : tables) {
            rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
            if (!kind.h2()) {
                jdbc.queryForList("ANALYZE TABLE " + table);
                bytes += jdbc.queryForObject(
                        "SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
                        Long.class,
                        table);
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no ACT_HI_* table found");
        }
        return new Footprint(rows, bytes);
    }

    private static void print(List<Measured> results) {
        var table = new BenchTable(
                "History level FULL vs AUDIT (" + WORKERS + " workers; " + INTAKE_CASES + " cases opened, then "
                        + MEASURED.toSeconds() + " s of lifecycles)",
                "database",
                "history level",
                "intake cases/s",
                "lifecycles/s",
                "lifecycles (failed)",
                "ACT_HI rows per opened case",
                "ACT_HI rows per lifecycle",
                "ACT_HI bytes per lifecycle");
        results.forEach(m -> table.row(
                m.database(),
                m.level(),
                m.intakePerSecond(),
                m.lifecycles().perSecond(),
                m.lifecycles().completed() + " (" + m.lifecycles().failed() + ")",
                m.rowsPerOpenedCase(),
                m.rowsPerLifecycle(),
                m.bytesPerLifecycle()));
        table.print();
        var ratios = new BenchTable(
                "AUDIT / FULL",
                "database",
                "intake cases/s",
                "lifecycles/s",
                "rows per lifecycle",
                "bytes per lifecycle");
        for (Measured full : results) {
            results.stream()
                    .filter(a -> a.database().equals(full.database())
                            && full.level().equals("FULL")
                            && a.level().equals("AUDIT"))
                    .forEach(audit -> ratios.row(
                            full.database(),
                            audit.intakePerSecond() / full.intakePerSecond(),
                            audit.lifecycles().perSecond() / full.lifecycles().perSecond(),
                            audit.rowsPerLifecycle() / full.rowsPerLifecycle(),
                            audit.bytesPerLifecycle() / full.bytesPerLifecycle()));
        }
        ratios.print();
    }
}
