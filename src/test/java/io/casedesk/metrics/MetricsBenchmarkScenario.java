package io.casedesk.metrics;

import io.casedesk.cases.CaseReporting;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test: how long does GET /api/metrics (all figures, with the breakdowns per group, channel and
 * agent) take over a million closed cases? Loads {@code benchmark.cases} (default 1,000,000) closed cases spread over
 * two years (in the order of their ids) with their SLA records, then times {@link MetricsService#metrics} per filter and prints a table (best
 * and median of {@code benchmark.runs} runs). Run on H2 ({@link MetricsBenchmark}) or MySQL/MariaDB
 * ({@link MetricsMySqlBenchmark}); see the README, "Metrics".
 */
abstract class MetricsBenchmarkScenario {

    static final int CASES = Integer.getInteger("benchmark.cases", 1_000_000);
    static final int RUNS = Integer.getInteger("benchmark.runs", 5);
    /** Periods longer than this are left out (a slow database spends minutes on a year). */
    static final int MAX_DAYS = Integer.getInteger("benchmark.max-days", 365);

    static final long FIRST_ID = 50_000_000L;
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(730);
    static final String[] GROUPS = {"tier1", "tier2", "specialists", "compliance", "billing", "returns"};
    static final String[] CHANNELS = {"chat", "email", "phone", "social", "web"};
    static final int AGENTS = 200;

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void metricsQueryTimePerFilter() {
        long startLoad = System.nanoTime();
        load();
        long loadSeconds = Duration.ofNanos(System.nanoTime() - startLoad).toSeconds();

        Instant to = END;
        var filters = new LinkedHashMap<String, CaseReporting.Filter>();
        filters.put("30 days", filter(Duration.ofDays(30), null, null, null));
        filters.put("30 days, group=tier1", filter(Duration.ofDays(30), "tier1", null, null));
        filters.put("30 days, channel=chat", filter(Duration.ofDays(30), null, "chat", null));
        filters.put("30 days, agent=agent-007", filter(Duration.ofDays(30), null, null, "agent-007"));
        filters.put("7 days", filter(Duration.ofDays(7), null, null, null));
        filters.put("90 days", filter(Duration.ofDays(90), null, null, null));
        filters.put("365 days", filter(Duration.ofDays(365), null, null, null));

        String database = database();
        boolean server = !database.startsWith("H2") && CpuClock.SERVER != null;
        System.out.printf(
                "%n== metrics benchmark: %,d closed cases (%s), loaded in %d s; %d runs per filter; load average %s ==%n",
                CASES, database, loadSeconds, RUNS, CpuClock.loadAverage());
        // CPU ms: the request's thread plus, on a MariaDB server on this machine, the server thread of the request's
        // connection (one thread per connection; the request runs in one transaction, so on one connection). Unlike
        // the wall time it hardly grows when other work shares the cores: it is about what the request takes on an
        // idle machine. H2 runs in the request's thread.
        System.out.println("| filter                     | cases     | best ms | median ms | median CPU ms |");
        System.out.println("| -------------------------- | --------- | ------- | --------- | ------------- |");
        var oneConnection = new TransactionTemplate(transactions);
        oneConnection.setReadOnly(true);
        for (var entry : filters.entrySet()) {
            if (Duration.between(entry.getValue().from(), entry.getValue().to()).toDays() > MAX_DAYS) {
                continue;
            }
            metrics.metrics(entry.getValue()); // warm-up
            long[] millis = new long[RUNS];
            long[] cpu = new long[RUNS];
            Metrics[] last = new Metrics[1];
            for (int i = 0; i < RUNS; i++) {
                int run = i;
                oneConnection.executeWithoutResult(status -> {
                    java.nio.file.Path serverThread = server ? CpuClock.serverThread(jdbc) : null;
                    long cpuStart = CpuClock.millis(serverThread);
                    long start = System.nanoTime();
                    last[0] = metrics.metrics(entry.getValue());
                    millis[run] = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    cpu[run] = CpuClock.millis(serverThread) - cpuStart;
                });
            }
            Arrays.sort(millis);
            Arrays.sort(cpu);
            // each row as soon as it is measured: a long period on a slow database still shows the short ones
            System.out.printf(
                    "| %-26s | %9d | %7d | %9d | %13d |%n",
                    entry.getKey(), last[0].figures().cases(), millis[0], millis[RUNS / 2], cpu[RUNS / 2]);
        }
        System.out.printf("== load average at the end %s ==%n", CpuClock.loadAverage());
    }

    /** CPU time of this thread and of a thread of the local database server (mariadbd or mysqld), in ms. */
    static final class CpuClock {
        static final java.nio.file.Path SERVER = serverProcess();

        /** The /proc stat of the server thread serving this transaction's connection (MariaDB tells its TID). */
        static java.nio.file.Path serverThread(JdbcTemplate jdbc) {
            try {
                Long tid = jdbc.queryForObject(
                        "SELECT TID FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()", Long.class);
                var stat = SERVER.resolve("task").resolve(String.valueOf(tid)).resolve("stat");
                return java.nio.file.Files.isReadable(stat) ? stat : null;
            } catch (org.springframework.dao.DataAccessException notMariaDb) {
                return null;
            }
        }

        static long millis(java.nio.file.Path serverThread) {
            long thread =
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            if (serverThread == null) {
                return thread;
            }
            try {
                // /proc/<pid>/task/<tid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 a second)
                String stat = java.nio.file.Files.readString(serverThread);
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return thread + (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
            } catch (java.io.IOException | RuntimeException e) {
                return thread;
            }
        }

        static String loadAverage() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                        .trim();
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }

        private static java.nio.file.Path serverProcess() {
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                return processes
                        .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .filter(p -> {
                            try {
                                String name = java.nio.file.Files.readString(p.resolve("comm"))
                                        .trim();
                                return name.equals("mariadbd") || name.equals("mysqld");
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        })
                        .findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }

    private String database() {
        return jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
    }

    private static CaseReporting.Filter filter(Duration period, String group, String channel, String agent) {
        return new CaseReporting.Filter(END.minus(period), END, group, channel, agent);
    }

    /** Closed cases with known random figures, in batches (ids far above any the application gives). */
    private void load() {
        if (sequenceTables()) {
            loadWithSequence();
            return;
        }
        int batch = 5_000;
        // a load that was stopped goes on from its last whole batch
        Long present = jdbc.queryForObject("SELECT COUNT(*) FROM sla_record WHERE case_id >= ?", Long.class, FIRST_ID);
        int resume = (int) (present / 2 / batch * batch);
        jdbc.update("DELETE FROM sla_record WHERE case_id >= ?", FIRST_ID + resume);
        jdbc.update("DELETE FROM support_case WHERE id >= ?", FIRST_ID + resume);
        for (int from = resume; from < CASES; from += batch) {
            int size = Math.min(batch, CASES - from);
            long first = FIRST_ID + from;
            var random = new SplittableRandom(first);
            List<Object[]> cases = new ArrayList<>(size);
            List<Object[]> records = new ArrayList<>(size * 2);
            for (int i = 0; i < size; i++) {
                long id = first + i;
                // opened in the order of their ids, as the application opens them: a period's cases lie together
                Instant created = END.minus(SPAN).plusMillis(SPAN.toMillis() * (id - FIRST_ID) / CASES);
                long frt = 30 + random.nextLong(4 * 3600);
                long resolved = frt + 600 + random.nextLong(30 * 3600);
                int priority = 1 + random.nextInt(3);
                Integer csat = random.nextInt(10) < 4 ? null : 1 + random.nextInt(5);
                cases.add(new Object[] {
                    id,
                    "B" + id,
                    CHANNELS[random.nextInt(CHANNELS.length)],
                    "P" + priority,
                    GROUPS[random.nextInt(GROUPS.length)],
                    "agent-%03d".formatted(random.nextInt(AGENTS)),
                    1 + random.nextInt(3),
                    random.nextInt(10) == 0 ? 1 : 0,
                    random.nextInt(20) == 0 ? 1 : 0,
                    csat,
                    Timestamp.from(created),
                    Timestamp.from(created.plusSeconds(5 + random.nextLong(60))),
                    Timestamp.from(created.plusSeconds(frt)),
                    Timestamp.from(created.plusSeconds(resolved)),
                    Timestamp.from(created.plusSeconds(resolved + 60))
                });
                records.add(new Object[] {id, "RESPONSE", random.nextInt(5) == 0 ? "BREACHED" : "MET", created});
                records.add(new Object[] {id, "RESOLUTION", random.nextInt(6) == 0 ? "BREACHED" : "MET", created});
            }
            insertCases(cases);
            insertRecords(records);
        }
    }

    /** Whether the database is MariaDB with its sequence engine (the tables seq_0_to_N exist by themselves). */
    private boolean sequenceTables() {
        try {
            return jdbc.queryForObject("SELECT COUNT(*) FROM seq_0_to_1", Long.class) == 2;
        } catch (org.springframework.dao.DataAccessException notThere) {
            return false;
        }
    }

    /**
     * The same cases as {@link #load()}'s generator (columns, spread over the period in the order of their ids,
     * proportions), written by the database from its sequence engine: a million cases and their SLA records in a few
     * minutes instead of about 25 through JDBC. The random values come from CRC32 of the id with a salt per column,
     * so a load is reproducible, and each value is uniform like the generator's. Loads in slices of 100,000, going on
     * from the last whole slice of a load that was stopped.
     */
    private void loadWithSequence() {
        int slice = 100_000;
        Long present = jdbc.queryForObject("SELECT COUNT(*) FROM sla_record WHERE case_id >= ?", Long.class, FIRST_ID);
        int resume = (int) (present / 2 / slice * slice);
        jdbc.update("DELETE FROM sla_record WHERE case_id >= ?", FIRST_ID + resume);
        jdbc.update("DELETE FROM support_case WHERE id >= ?", FIRST_ID + resume);
        Timestamp start = Timestamp.from(END.minus(SPAN));
        for (int from = resume; from < CASES; from += slice) {
            int to = Math.min(from + slice, CASES) - 1;
            // r(salt, n): a uniform number in [0, n) for this case
            String cases = """
                    INSERT INTO support_case (id, reference, status, channel, customer_email, customer_tier, subject,
                        description, severity_given, sentiment, priority, assigned_group, agent, agent_replies,
                        escalation_level, reopen_count, csat, created_at, acknowledged_at, first_response_at,
                        resolved_at, closed_at)
                    SELECT id, CONCAT('B', id), 'closed', ELT(1 + r('channel', 5), 'chat', 'email', 'phone', 'social', 'web'),
                        'bench@example.com', 'standard', 'Benchmark', 'b', FALSE, 0.0, CONCAT('P', 1 + r('priority', 3)),
                        ELT(1 + r('group', 6), 'tier1', 'tier2', 'specialists', 'compliance', 'billing', 'returns'),
                        CONCAT('agent-', LPAD(r('agent', %d), 3, '0')), 1 + r('replies', 3),
                        CASE WHEN r('escalated', 10) = 0 THEN 1 ELSE 0 END,
                        CASE WHEN r('reopened', 20) = 0 THEN 1 ELSE 0 END,
                        CASE WHEN r('surveyed', 10) < 4 THEN NULL ELSE 1 + r('csat', 5) END,
                        created, created + INTERVAL 5 + r('ack', 60) SECOND, created + INTERVAL frt SECOND,
                        created + INTERVAL frt + resolution SECOND, created + INTERVAL frt + resolution + 60 SECOND
                    FROM (
                        SELECT id, created, 30 + r('frt', 4 * 3600) AS frt, 600 + r('resolution', 30 * 3600) AS resolution
                        FROM (
                            SELECT ? + seq AS id, ? + INTERVAL (%d * seq DIV %d) * 1000 MICROSECOND AS created
                            FROM seq_%d_to_%d
                        ) opened
                    ) generated""".formatted(AGENTS, SPAN.toMillis(), CASES, from, to);
            jdbc.update(random(cases, "id"), FIRST_ID, start);
            String records = """
                    INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome)
                    SELECT c.id, t.target, 3600, '24x7', c.created_at, c.created_at,
                        CASE WHEN t.target = 'RESPONSE' AND r('response', 5) = 0 THEN 'BREACHED'
                             WHEN t.target = 'RESOLUTION' AND r('resolution-met', 6) = 0 THEN 'BREACHED'
                             ELSE 'MET' END
                    FROM support_case c
                    CROSS JOIN (SELECT 'RESPONSE' AS target UNION ALL SELECT 'RESOLUTION') t
                    WHERE c.id BETWEEN ? AND ?""";
            jdbc.update(random(records, "c.id"), FIRST_ID + from, FIRST_ID + to);
        }
    }

    /** Replaces each r('salt', n) of the SQL by a uniform number in [0, n) drawn from the id and the salt. */
    private static String random(String sql, String id) {
        return sql.replaceAll("r\\('([a-z-]+)', ([^)]+)\\)", "(CRC32(CONCAT('$1', " + id + ")) MOD ($2))");
    }

    private void insertCases(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO support_case (id, reference, status, channel, customer_email, customer_tier, subject,
                    description, severity_given, sentiment, priority, assigned_group, agent, agent_replies,
                    escalation_level, reopen_count, csat, created_at, acknowledged_at, first_response_at, resolved_at,
                    closed_at)
                VALUES (?, ?, 'closed', ?, 'bench@example.com', 'standard', 'Benchmark', 'b', FALSE, 0.0, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int column = 0; column < row.length; column++) {
                    ps.setObject(column + 1, row[column]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void insertRecords(List<Object[]> rows) {
        jdbc.batchUpdate("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome)
                VALUES (?, ?, 3600, '24x7', ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                Timestamp created = Timestamp.from((Instant) row[3]);
                ps.setLong(1, (Long) row[0]);
                ps.setString(2, (String) row[1]);
                ps.setTimestamp(3, created);
                ps.setTimestamp(4, created);
                ps.setString(5, (String) row[2]);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
