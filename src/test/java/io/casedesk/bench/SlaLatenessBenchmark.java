package io.casedesk.bench;

import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.sla.SlaAlert;
import io.casedesk.sla.SlaTarget;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: how late do SLA warnings and breaches fire with a backlog of open cases (each with its six
 * SLA timers waiting) while new cases come in? Side by side on H2 and MariaDB in one run.
 * <pre>./mvnw -Pbench test -Dtest=SlaLatenessBenchmark [-Dbenchmark.openCases=10000] [-Dbenchmark.loadThreads=4]
 *     [-Dbenchmark.intakePerSecond=2] [-Dbenchmark.intakeSeconds=30] [-Dbenchmark.databases=h2,mysql]</pre>
 * It opens the backlog, lets the acknowledgements go out, deploys an {@code sla-targets} version whose P3 chat
 * targets are seconds long, opens {@code intakePerSecond} such chat cases a second, and takes each warning's and
 * breach's lateness: the instant the flow's delegate records it (seen in the JVM, to the millisecond on both
 * databases) minus the exact due instant its timer was created from (the flow's due-date variables).
 */
@Tag("benchmark")
class SlaLatenessBenchmark {

    private static final int OPEN_CASES = Integer.getInteger("benchmark.openCases", 500);
    private static final int LOAD_THREADS = Integer.getInteger("benchmark.loadThreads", 4);
    private static final int INTAKE_PER_SECOND = Integer.getInteger("benchmark.intakePerSecond", 2);
    private static final int INTAKE_SECONDS = Integer.getInteger("benchmark.intakeSeconds", 30);
    /** The measured cases' timers: response warnings at 75 % and 90 % of 15 s, breach at 15 s; resolution 30 s. */
    private static final String MEASURED_RESPONSE = "PT15S";

    static final String MEASURED_RESOLUTION = "PT30S";
    static final List<String> DUE_VARIABLES = List.of(
            "responseFirstWarningAt",
            "responseFinalWarningAt",
            "responseDueAt",
            "resolutionFirstWarningAt",
            "resolutionFinalWarningAt",
            "resolutionDueAt");

    @Test
    void slaTimerLateness() throws Exception {
        var table = new BenchTable(
                "SLA timer lateness, ms (fired minus due), " + INTAKE_PER_SECOND + " new cases/s for " + INTAKE_SECONDS
                        + " s over the backlog",
                "database",
                "open cases",
                "timer jobs",
                "backlog load s",
                "load cases/s",
                "measured cases",
                "jobs due after intake",
                "events (missing)",
                "min",
                "p50",
                "p90",
                "p99",
                "max",
                "within 5 s");
        String settings = null;
        boolean anyMeasured = false;
        for (BenchDatabases.Kind kind : BenchDatabases.available()) {
            var fired = new ConcurrentHashMap<String, Instant>();
            try (var database = kind.create("sla");
                    var app = database.start(List.of(firedAlerts(fired)))) {
                TestMailServer.purge();
                settings = jobExecutorSettings(app.getEnvironment());
                Run run = measure(app, kind.label(), fired);
                anyMeasured |= !run.lateness().isEmpty();
                List<Long> l = run.lateness();
                table.row(
                        kind.label(),
                        OPEN_CASES,
                        run.timerJobs(),
                        run.loadSeconds(),
                        OPEN_CASES / run.loadSeconds(),
                        run.measuredCases(),
                        run.jobsDueAfterIntake(),
                        l.size() + " (" + run.missing() + ")",
                        BenchLatencies.percentile(l, 0),
                        BenchLatencies.percentile(l, 50),
                        BenchLatencies.percentile(l, 90),
                        BenchLatencies.percentile(l, 99),
                        BenchLatencies.percentile(l, 100),
                        l.isEmpty()
                                ? "-"
                                : "%.2f %%"
                                        .formatted(100.0
                                                * l.stream()
                                                        .filter(ms -> ms <= 5_000)
                                                        .count()
                                                / l.size()));
            }
            table.print();
        }
        System.out.println("job executor: " + settings);
        if (!anyMeasured) {
            throw new AssertionError("no SLA warning or breach was measured");
        }
    }

    /** {@code jobsDueAfterIntake}: jobs due but not yet run when the last measured case was opened. */
    record Run(
            int timerJobs,
            double loadSeconds,
            int measuredCases,
            long jobsDueAfterIntake,
            List<Long> lateness,
            int missing) {}

    private Run measure(ConfigurableApplicationContext app, String database, Map<String, Instant> fired)
            throws Exception {
        IntakeService intake = app.getBean(IntakeService.class);
        RepositoryService repository = app.getBean(RepositoryService.class);
        ManagementService management = app.getBean(ManagementService.class);

        long loadStart = System.nanoTime();
        openBacklog(intake, database);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        new BenchLifecycles(app).awaitIdleJobs();
        System.out.printf(
                "%s: %d open cases loaded in %.0f s, their acknowledgements sent after %.0f s%n",
                database, OPEN_CASES, loadSeconds, (System.nanoTime() - loadStart) / 1e9);
        int timerJobs = (int) management.createJobQuery().timers().count();

        String original = Files.readString(Path.of("dmn/sla-targets.dmn"));
        deploy(repository, withSecondsLongChatTargets(original));
        var measured = new ArrayList<String>();
        long jobsDue;
        try {
            measured.addAll(openMeasuredCases(intake, INTAKE_PER_SECOND, INTAKE_SECONDS));
            jobsDue = management.createJobQuery().executable().count();
            Thread.sleep(Duration.parse(MEASURED_RESOLUTION).plusSeconds(15).toMillis());
        } finally {
            deploy(repository, original);
        }

        Lateness lateness = lateness(app, measured, fired);
        return new Run(timerJobs, loadSeconds, measured.size(), jobsDue, lateness.millis(), lateness.missing());
    }

    /** Opens {@code perSecond} chat cases (P3: the seconds-long targets) every second for {@code seconds}. */
    static List<String> openMeasuredCases(IntakeService intake, int perSecond, int seconds)
            throws InterruptedException {
        var measured = new ArrayList<String>();
        long intakeStart = System.currentTimeMillis();
        for (int second = 0; second < seconds; second++) {
            for (int i = 0; i < perSecond; i++) {
                measured.add(TestCases.open(
                        intake,
                        "chat",
                        "measured-" + second + "-" + i + "@example.com",
                        "standard",
                        "Which size?",
                        "Which size should I order?",
                        null));
            }
            long sleep = intakeStart + (second + 1) * 1000L - System.currentTimeMillis();
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        return measured;
    }

    /** Each measured timer's lateness in ms (sorted), and how many warnings and breaches were not seen. */
    record Lateness(List<Long> millis, int missing) {}

    static Lateness lateness(ConfigurableApplicationContext app, List<String> measured, Map<String, Instant> fired) {
        CaseService cases = app.getBean(CaseService.class);
        HistoryService history = app.getBean(HistoryService.class);
        var lateness = new ArrayList<Long>();
        int missing = 0;
        for (String reference : measured) {
            Map<String, Instant> due = dueDates(history, cases.get(reference).processInstanceId());
            for (String variable : DUE_VARIABLES) {
                Instant at = fired.get(reference + "/" + variable);
                if (at == null || due.get(variable) == null) {
                    missing++;
                } else {
                    lateness.add(Duration.between(due.get(variable), at).toMillis());
                }
            }
        }
        Collections.sort(lateness);
        return new Lateness(lateness, missing);
    }

    /**
     * Notes when each warning and breach is recorded: the SLA clock announces it (SlaAlert) inside the flow's
     * delegate, whose execution names the case. A job retried after a lost race records again; the last counts.
     */
    static ApplicationListener<ApplicationEvent> firedAlerts(Map<String, Instant> fired) {
        return event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof SlaAlert alert) {
                var execution = Context.getBpmnExecutionContext();
                if (execution == null) {
                    return;
                }
                String target = alert.target() == SlaTarget.RESPONSE ? "response" : "resolution";
                String variable = alert.breach()
                        ? target + "DueAt"
                        : target + (alert.stage().name().equals("FIRST") ? "First" : "Final") + "WarningAt";
                fired.put(execution.getExecution().getProcessBusinessKey() + "/" + variable, Instant.now());
            }
        };
    }

    private static void openBacklog(IntakeService intake, String database) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        var opened = new AtomicInteger();
        var failed = new AtomicInteger();
        for (int i = 0; i < OPEN_CASES; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    TestCases.open(
                            intake,
                            "email",
                            "backlog-" + n + "@example.com",
                            "standard",
                            "Order " + n,
                            "My order has not arrived yet.",
                            null);
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() == 1) {
                        System.out.println(database + ": opening a backlog case failed: " + e);
                    }
                    return;
                }
                if (opened.incrementAndGet() % 1000 == 0) {
                    System.out.println(database + ": " + opened.get() + " backlog cases open");
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the backlog did not load within 2 h");
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " backlog cases failed to open on " + database);
        }
    }

    static Map<String, Instant> dueDates(HistoryService history, String processInstanceId) {
        var due = new HashMap<String, Instant>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableNameIn(DUE_VARIABLES.toArray(String[]::new))
                .list()) {
            if (v.getValue() instanceof Date date) {
                due.put(v.getName(), date.toInstant());
            }
        }
        return due;
    }

    /** The sla-targets table with the P3 chat targets of the measured cases: seconds instead of minutes and hours. */
    static String withSecondsLongChatTargets(String original) {
        return original.replace("&quot;PT2M&quot;", "&quot;" + MEASURED_RESPONSE + "&quot;")
                .replace("\"PT2M\"", "\"" + MEASURED_RESPONSE + "\"")
                .replace("&quot;PT24H&quot;", "&quot;" + MEASURED_RESOLUTION + "&quot;")
                .replace("\"PT24H\"", "\"" + MEASURED_RESOLUTION + "\"");
    }

    static void deploy(RepositoryService repository, String dmn) {
        repository
                .createDeployment()
                .name("sla-benchmark")
                .addInputStream("sla-targets.dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }

    private static String jobExecutorSettings(Environment environment) {
        var settings = new StringBuilder();
        for (String name : List.of(
                "wait-time-in-millis",
                "max-wait",
                "core-pool-size",
                "max-pool-size",
                "queue-capacity",
                "max-jobs-per-acquisition")) {
            settings.append(name)
                    .append('=')
                    .append(environment.getProperty("camunda.bpm.job-execution." + name))
                    .append(' ');
        }
        for (String name : List.of("jobExecutorAcquireByDueDate", "jobExecutorPreferTimerJobs")) {
            settings.append(name)
                    .append('=')
                    .append(environment.getProperty("camunda.bpm.generic-properties.properties." + name))
                    .append(' ');
        }
        return settings.toString().strip();
    }
}
