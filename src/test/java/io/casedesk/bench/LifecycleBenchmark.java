package io.casedesk.bench;

import io.casedesk.TestMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: full support-case lifecycles per second (BenchLifecycles: open, agent resolves, customer
 * confirms through the resolution mail's link, survey answered through the survey mail's link, flow ended) with N
 * concurrent workers, the job executor running and every mail delivered to a real SMTP server, side by side on H2
 * and MariaDB in one run.
 * <pre>./mvnw -Pbench test -Dtest=LifecycleBenchmark [-Dbenchmark.workers=4] [-Dbenchmark.seconds=40]
 *     [-Dbenchmark.warmupSeconds=10] [-Dbenchmark.databases=h2,mysql]</pre>
 */
@Tag("benchmark")
class LifecycleBenchmark {

    private static final int WORKERS = Integer.getInteger("benchmark.workers", 4);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 40));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("benchmark.warmupSeconds", 10));

    @Test
    void lifecyclesPerSecond() throws Exception {
        var results = new ArrayList<Measured>();
        for (BenchDatabases.Kind kind : BenchDatabases.available()) {
            try (var database = kind.create("lifecycle");
                    var app = database.start()) {
                TestMailServer.purge();
                var lifecycles = new BenchLifecycles(app);
                lifecycles.run(WORKERS, WARMUP);
                lifecycles.awaitIdleJobs();
                results.add(new Measured(kind.label(), lifecycles.run(WORKERS, MEASURED)));
            }
            print(results);
        }
        if (results.stream().anyMatch(r -> r.result().completed() == 0)) {
            throw new AssertionError("a database completed no lifecycle: " + results);
        }
    }

    record Measured(String database, BenchLifecycles.Result result) {}

    static void print(List<Measured> results) {
        var throughput = new BenchTable(
                "Full case lifecycles per second (" + WORKERS + " workers, " + MEASURED.toSeconds()
                        + " s measured after " + WARMUP.toSeconds() + " s warm-up)",
                "database",
                "lifecycles/s",
                "completed",
                "failed",
                "wall s",
                "lock retries",
                "first failure");
        results.forEach(m -> throughput.row(
                m.database(),
                m.result().perSecond(),
                m.result().completed(),
                m.result().failed(),
                m.result().seconds(),
                m.result().retries(),
                m.result().firstFailure() == null ? "" : m.result().firstFailure()));
        throughput.print();
        var steps = new BenchTable("Step latency, ms (p50 / p99)", header(results));
        for (String step : BenchLifecycles.STEPS) {
            var row = new ArrayList<Object>(List.of(step));
            for (Measured m : results) {
                var l = m.result().latencies();
                row.add(l.percentile(step, 50) + " / " + l.percentile(step, 99));
            }
            steps.row(row.toArray());
        }
        steps.print();
    }

    private static String[] header(List<Measured> results) {
        var header = new ArrayList<String>(List.of("step"));
        results.forEach(m -> header.add(m.database()));
        return header.toArray(String[]::new);
    }
}
