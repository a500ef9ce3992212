package io.casedesk.bench;

import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.outreach.OutreachKind;
import io.casedesk.outreach.OutreachService;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.TrendIncident;
import io.casedesk.trends.Trends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Benchmark, not a test: a proactive outreach to 10,000 recipients while support cases come in whose SLA timers
 * fall due during the blast. Prints mails per second, whether every recipient got exactly one mail, and the SLA
 * timers' lateness (fired minus due) during the blast.
 * <pre>flock /work/bench.lock ./mvnw -Pbench test -Dtest=OutreachBlastBenchmark [-Dbenchmark.recipients=10000]
 *     [-Dbenchmark.intakePerSecond=2] [-Dbenchmark.intakeSeconds=20]</pre>
 * The incident is a real detection (a spike of {@code SPIKE_CASES} cases), ops' review is completed through the
 * task service with the other recipients as extra addresses (one variable, not one per recipient), and the
 * application runs as in production (job executor, its pool and priorities) against the JVM's test SMTP server.
 * Runs on H2 and, side by side in the same run, on the MariaDB/MySQL server of {@link BenchDatabases#available()}
 * ({@code -Dbenchmark.databases=h2} for H2 alone). "confirm s" is how long the confirm job took to queue every mail
 * (one transaction, which must stay well under the job lock time); "link s" how long until the last job linking the
 * open cases (casedesk.outreach.link-chunk a job, since model 1.3.0) was done and the mails started. Lateness is the instant
 * the flow records a warning or breach minus its exact due instant; on MariaDB/MySQL the engine keeps due dates to
 * the second, so a timer may fire up to a second early there (negative lateness, README "Benchmarks").
 */
@Tag("benchmark")
class OutreachBlastBenchmark {

    private static final int RECIPIENTS = Integer.getInteger("benchmark.recipients", 10_000);
    private static final int SPIKE_CASES = 12;
    private static final int INTAKE_PER_SECOND = Integer.getInteger("benchmark.intakePerSecond", 2);
    private static final int INTAKE_SECONDS = Integer.getInteger("benchmark.intakeSeconds", 20);
    private static final Duration PATIENCE = Duration.ofMinutes(20);

    @Test
    void blastWhileSlaTimersFire() throws Exception {
        var table = new BenchTable(
                "Proactive outreach to " + RECIPIENTS + " recipients while " + INTAKE_PER_SECOND
                        + " chat cases/s with SLA timers due in seconds come in for " + INTAKE_SECONDS + " s",
                "database",
                "recipients",
                "confirm s",
                "link s",
                "blast s",
                "mails/s",
                "exactly once",
                "not once",
                "SLA events (missing)",
                "lateness min ms",
                "p50 ms",
                "p99 ms",
                "max ms",
                "within 1 s");
        int wrongInAll = 0;
        for (BenchDatabases.Kind kind : BenchDatabases.available()) {
            wrongInAll += blast(kind, table);
        }
        table.print();
        if (wrongInAll > 0) {
            throw new AssertionError(wrongInAll + " recipients did not get exactly one mail");
        }
    }

    /** One blast on a fresh database of the kind, its row added to the table; gives the recipients not mailed once. */
    private int blast(BenchDatabases.Kind kind, BenchTable table) throws Exception {
        var fired = new ConcurrentHashMap<String, Instant>();
        try (var database = kind.create("outreach");
                var app = database.start(List.of(SlaLatenessBenchmark.firedAlerts(fired)))) {
            TestMailServer.purge();
            IntakeService intake = app.getBean(IntakeService.class);
            Trends trends = app.getBean(Trends.class);
            OutreachService outreach = app.getBean(OutreachService.class);
            TaskService tasks = app.getBean(TaskService.class);
            RepositoryService repository = app.getBean(RepositoryService.class);

            var spike = new ArrayList<String>();
            for (int i = 0; i < SPIKE_CASES; i++) {
                spike.add(TestCases.open(
                        intake,
                        "web",
                        "spike-" + i + "@example.com",
                        "standard",
                        "Checkout broken",
                        "The checkout button does nothing.",
                        "high",
                        "checkout-broken"));
            }
            new BenchLifecycles(app).awaitIdleJobs();
            long seedStart = System.nanoTime();
            copies(app.getBean(JdbcTemplate.class), spike.get(0), RECIPIENTS - SPIKE_CASES);
            System.out.printf(
                    "%d further open cases of the tag copied in %.1f s%n",
                    RECIPIENTS - SPIKE_CASES, (System.nanoTime() - seedStart) / 1e9);
            TrendIncident incident = trends.detect(Instant.now()).stream()
                    .filter(i -> i.kind() == IncidentKind.TAG && i.key().equals("checkout-broken"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no spike detected"));
            Task review = tasks.createTaskQuery()
                    .processInstanceBusinessKey("INC-" + incident.id())
                    .singleResult();
            String original = Files.readString(Path.of("dmn/sla-targets.dmn"));
            SlaLatenessBenchmark.deploy(repository, SlaLatenessBenchmark.withSecondsLongChatTargets(original));
            var measured = new ArrayList<String>();
            long start = System.nanoTime();
            double blastSeconds;
            var confirmed = new java.util.concurrent.CompletableFuture<Double>();
            var linked = new java.util.concurrent.CompletableFuture<Double>();
            HistoryService history = app.getBean(HistoryService.class);
            try {
                tasks.complete(
                        review.getId(),
                        Map.of(
                                "decision", "confirm",
                                "subject", "Checkout is broken",
                                "message", "We know, we are on it."));
                // the confirm job's time: until every mail is queued (its one transaction committed), and the
                // linking's: until the outreach has gone on to its delivery workers; watched beside the intake below
                var watcher = new Thread(() -> {
                    while (!confirmed.isDone() || !linked.isDone()) {
                        OutreachService.Progress queued = outreach.progress(incident.id(), OutreachKind.ANNOUNCEMENT);
                        if (!confirmed.isDone() && queued.waiting() + queued.sent() == RECIPIENTS) {
                            confirmed.complete((System.nanoTime() - start) / 1e9);
                        }
                        if (!linked.isDone()
                                && history.createHistoricActivityInstanceQuery()
                                                .processInstanceId(review.getProcessInstanceId())
                                                .activityId("CallActivity_SendAnnouncement")
                                                .count()
                                        > 0) {
                            linked.complete((System.nanoTime() - start) / 1e9);
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                watcher.setDaemon(true);
                watcher.start();
                measured.addAll(SlaLatenessBenchmark.openMeasuredCases(intake, INTAKE_PER_SECOND, INTAKE_SECONDS));
                Instant giveUp = Instant.now().plus(PATIENCE);
                OutreachService.Progress progress;
                while ((progress = outreach.progress(incident.id(), OutreachKind.ANNOUNCEMENT)).sent() < RECIPIENTS) {
                    if (Instant.now().isAfter(giveUp)) {
                        throw new AssertionError("blast not done after " + PATIENCE + ": " + progress);
                    }
                    Thread.sleep(200);
                }
                blastSeconds = (System.nanoTime() - start) / 1e9;
                Thread.sleep(Duration.parse(SlaLatenessBenchmark.MEASURED_RESOLUTION)
                        .plusSeconds(15)
                        .toMillis());
            } finally {
                SlaLatenessBenchmark.deploy(repository, original);
            }

            int once = 0;
            int wrong = 0;
            List<String> recipients = new ArrayList<>();
            spike.forEach(
                    r -> recipients.add(app.getBean(CaseService.class).get(r).customerEmail()));
            IntStream.range(0, RECIPIENTS - SPIKE_CASES).forEach(i -> recipients.add(copyEmail(i)));
            for (String recipient : recipients) {
                long got = TestMailServer.mailsTo(recipient).stream()
                        .filter(m -> TestMailServer.subject(m).equals("Checkout is broken"))
                        .count();
                if (got == 1) {
                    once++;
                } else {
                    wrong++;
                }
            }

            SlaLatenessBenchmark.Lateness measuredLateness = SlaLatenessBenchmark.lateness(app, measured, fired);
            List<Long> lateness = measuredLateness.millis();
            int missing = measuredLateness.missing();
            table.row(
                    kind.label(),
                    RECIPIENTS,
                    "%.1f".formatted(confirmed.getNow(Double.NaN)),
                    "%.1f".formatted(linked.getNow(Double.NaN)),
                    "%.1f".formatted(blastSeconds),
                    "%.0f".formatted(RECIPIENTS / blastSeconds),
                    once,
                    wrong,
                    lateness.size() + " (" + missing + ")",
                    lateness.isEmpty() ? "-" : lateness.get(0),
                    BenchLatencies.percentile(lateness, 50),
                    BenchLatencies.percentile(lateness, 99),
                    BenchLatencies.percentile(lateness, 100),
                    lateness.isEmpty()
                            ? "-"
                            : "%.2f %%"
                                    .formatted(100.0
                                            * lateness.stream()
                                                    .filter(ms -> ms <= 1_000)
                                                    .count()
                                            / lateness.size()));
            return wrong;
        }
    }

    /**
     * Copies of one opened case, each with a customer of its own, its tag and the same opening time: the affected
     * customers of the spike, stored straight into the tables (opening 10,000 cases through intake would take the
     * benchmark's time, and measure intake). They have no flow; the outreach only reads, links and mails them.
     */
    private static void copies(JdbcTemplate jdbc, String template, int count) {
        // the table's columns from its own metadata (INFORMATION_SCHEMA on MariaDB lists every database's tables)
        List<String> columns =
                jdbc.query("SELECT * FROM support_case WHERE 1 = 0", (ResultSetExtractor<List<String>>) rs -> {
                    var names = new ArrayList<String>();
                    var meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                        if (!name.equals("id")) {
                            names.add(name);
                        }
                    }
                    return names;
                });
        String values = columns.stream()
                .map(c -> switch (c) {
                    case "reference", "customer_email" -> "?";
                    case "process_instance_id" -> "NULL";
                    default -> c;
                })
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO support_case (" + String.join(", ", columns) + ") SELECT " + values
                + " FROM support_case WHERE reference = ?";
        int reference = columns.indexOf("reference");
        int email = columns.indexOf("customer_email");
        jdbc.batchUpdate(sql, IntStream.range(0, count).boxed().toList(), 1000, (ps, i) -> {
            // the placeholders stand in column order
            ps.setString(reference < email ? 1 : 2, "BLAST-%06d".formatted(i));
            ps.setString(reference < email ? 2 : 1, copyEmail(i));
            ps.setString(3, template);
        });
        jdbc.update("INSERT INTO case_tag (case_id, tag) SELECT id, 'checkout-broken' FROM support_case"
                + " WHERE reference LIKE 'BLAST-%'");
    }

    private static String copyEmail(int i) {
        return "blast-" + i + "@example.com";
    }
}
