package io.casedesk.sla;

import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Benchmark, not a test: how late do SLA warnings and breaches fire with a large backlog of open cases and a
 * steady intake? Not run by ./mvnw verify; run it on a quiet machine with
 * <pre>./mvnw test -Dtest=SlaTimerBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.openCases=10000]</pre>
 * It prints the lateness distribution of every warning and breach of the measured cases (fired time minus the
 * exact due time the timer had) and the job-executor settings it ran with.
 */
@Tag("benchmark")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sla-benchmark;DB_CLOSE_DELAY=-1")
class SlaTimerBenchmark {

    private static final int OPEN_CASES = Integer.getInteger("benchmark.openCases", 10_000);
    private static final int INTAKE_PER_SECOND = Integer.getInteger("benchmark.intakePerSecond", 2);
    private static final int INTAKE_SECONDS = Integer.getInteger("benchmark.intakeSeconds", 90);
    /** The measured cases' timers: response warnings at 75 % and 90 % of 15 s, breach at 15 s; resolution 30 s. */
    private static final String MEASURED_RESPONSE = "PT15S";

    private static final String MEASURED_RESOLUTION = "PT30S";
    private static final List<String> DUE_VARIABLES = List.of(
            "responseFirstWarningAt",
            "responseFinalWarningAt",
            "responseDueAt",
            "resolutionFirstWarningAt",
            "resolutionFinalWarningAt",
            "resolutionDueAt");

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    Environment environment;

    @Test
    void slaTimerLateness() throws Exception {
        Instant loadStart = Instant.now();
        openBacklog();
        Duration loadTime = Duration.between(loadStart, Instant.now());
        long timerJobs = management.createJobQuery().timers().count();

        String original = Files.readString(Path.of("dmn/sla-targets.dmn"));
        deploy(original.replace("&quot;PT2M&quot;", "&quot;" + MEASURED_RESPONSE + "&quot;")
                .replace("\"PT2M\"", "\"" + MEASURED_RESPONSE + "\"")
                .replace("&quot;PT24H&quot;", "&quot;" + MEASURED_RESOLUTION + "&quot;")
                .replace("\"PT24H\"", "\"" + MEASURED_RESOLUTION + "\""));
        List<String> measured = Collections.synchronizedList(new ArrayList<>());
        try {
            Instant intakeStart = Instant.now();
            for (int second = 0; second < INTAKE_SECONDS; second++) {
                for (int i = 0; i < INTAKE_PER_SECOND; i++) {
                    measured.add(TestCases.open(
                            intake,
                            "chat",
                            "measured-" + second + "-" + i + "@example.com",
                            "standard",
                            "Which size?",
                            "Which size should I order?",
                            null));
                }
                long sleep = intakeStart.plusSeconds(second + 1).toEpochMilli() - System.currentTimeMillis();
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
            Thread.sleep(Duration.parse(MEASURED_RESOLUTION).plusSeconds(15).toMillis());
        } finally {
            deploy(original);
        }

        List<Long> lateness = new ArrayList<>();
        int missing = 0;
        for (String reference : measured) {
            Map<String, Instant> due = dueDates(reference);
            List<CaseEvent> timeline = cases.timeline(reference);
            for (String variable : DUE_VARIABLES) {
                Instant fired = firedAt(timeline, variable);
                if (fired == null || due.get(variable) == null) {
                    missing++;
                } else {
                    lateness.add(Duration.between(due.get(variable), fired).toMillis());
                }
            }
        }
        Collections.sort(lateness);
        System.out.printf(
                """

                ==== SLA timer lateness benchmark ====
                backlog: %d open cases (%d timer jobs), loaded in %d s; intake: %d cases/s for %d s (%d measured cases)
                job executor: wait-time-in-millis=%s max-wait=%s core-pool-size=%s max-pool-size=%s queue-capacity=%s \
                max-jobs-per-acquisition=%s jobExecutorAcquireByDueDate=%s jobExecutorPreferTimerJobs=%s
                events measured: %d (missing: %d)
                lateness ms: min %d  p50 %d  p90 %d  p99 %d  max %d
                within 5 s: %.2f %%
                =====================================
                """,
                OPEN_CASES,
                timerJobs,
                loadTime.toSeconds(),
                INTAKE_PER_SECOND,
                INTAKE_SECONDS,
                measured.size(),
                setting("wait-time-in-millis"),
                setting("max-wait"),
                setting("core-pool-size"),
                setting("max-pool-size"),
                setting("queue-capacity"),
                setting("max-jobs-per-acquisition"),
                environment.getProperty("camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate"),
                environment.getProperty("camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs"),
                lateness.size(),
                missing,
                pct(lateness, 0),
                pct(lateness, 50),
                pct(lateness, 90),
                pct(lateness, 99),
                pct(lateness, 100),
                lateness.isEmpty()
                        ? 0.0
                        : 100.0 * lateness.stream().filter(ms -> ms <= 5_000).count() / lateness.size());
    }

    private void openBacklog() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        var opened = new AtomicInteger();
        for (int i = 0; i < OPEN_CASES; i++) {
            int n = i;
            pool.submit(() -> {
                TestCases.open(
                        intake,
                        "email",
                        "backlog-" + n + "@example.com",
                        "standard",
                        "Order " + n,
                        "My order has not arrived yet.",
                        null);
                if (opened.incrementAndGet() % 1000 == 0) {
                    System.out.println("backlog: " + opened.get() + " cases open");
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
    }

    private Map<String, Instant> dueDates(String reference) {
        String processInstanceId = cases.get(reference).processInstanceId();
        var due = new java.util.HashMap<String, Instant>();
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

    /** When the timer for this due-date variable fired, read from the case timeline. */
    private static Instant firedAt(List<CaseEvent> timeline, String variable) {
        boolean response = variable.startsWith("response");
        String type = variable.endsWith("DueAt") ? "sla-breach" : "sla-warning";
        String marker = variable.endsWith("DueAt")
                ? (response ? "First-response" : "Resolution")
                : (response ? "First-response" : "Resolution") + " target at risk ("
                        + (variable.contains("First") ? "first" : "final");
        return timeline.stream()
                .filter(e -> e.type().wire().equals(type) && e.detail().startsWith(marker))
                .map(CaseEvent::at)
                .findFirst()
                .orElse(null);
    }

    private void deploy(String dmn) {
        repository
                .createDeployment()
                .name("sla-benchmark")
                .addInputStream(
                        "sla-targets.dmn", new java.io.ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }

    private String setting(String name) {
        return environment.getProperty("camunda.bpm.job-execution." + name);
    }

    private static long pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
