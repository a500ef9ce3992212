package io.casedesk.bench;

import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.survey.FeedbackService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Drives support cases of the running application through their whole life, as its people would, with the job
 * executor running and every mail going to the test SMTP server: the case is opened as the API opens it, an agent
 * resolves Task_Troubleshoot through the engine, the customer confirms with the link of the resolution mail (what
 * the /resolution page does), answers the survey with the link of the survey mail (what the /survey page does),
 * and the flow ends. Each step's latency is recorded.
 */
final class BenchLifecycles {

    static final List<String> STEPS = List.of(
            "open case",
            "agent resolves",
            "resolution mail arrives",
            "customer confirms",
            "survey mail arrives",
            "customer answers survey",
            "flow ends",
            "whole lifecycle");

    private static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("benchmark.patienceSeconds", 120));

    private final IntakeService intake;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final FeedbackService feedback;
    private final CaseService cases;
    /** Customers of this run: the test SMTP server keeps the mails of earlier runs in the same JVM. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    BenchLifecycles(ApplicationContext app) {
        this.intake = app.getBean(IntakeService.class);
        this.tasks = app.getBean(TaskService.class);
        this.runtime = app.getBean(RuntimeService.class);
        this.management = app.getBean(ManagementService.class);
        this.feedback = app.getBean(FeedbackService.class);
        this.cases = app.getBean(CaseService.class);
    }

    /** What one run measured: lifecycles completed in the run's wall time, and the latency of each step. */
    record Result(
            int workers,
            int completed,
            int failed,
            double seconds,
            int retries,
            BenchLatencies latencies,
            String firstFailure) {

        double perSecond() {
            return completed / seconds;
        }
    }

    /**
     * {@code workers} threads each run one lifecycle after the other until {@code duration} is over; a lifecycle
     * started in time is finished. The rate is the completed lifecycles over the wall time until the last ended.
     */
    Result run(int workers, Duration duration) throws InterruptedException {
        var latencies = new BenchLatencies();
        var completed = new AtomicInteger();
        var failed = new AtomicInteger();
        var firstFailure = new AtomicReference<String>();
        int retriesBefore = retries.get();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        lifecycle(latencies);
                        completed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.plus(PATIENCE).toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("lifecycle workers did not stop");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(
                workers,
                completed.get(),
                failed.get(),
                seconds,
                retries.get() - retriesBefore,
                latencies,
                firstFailure.get());
    }

    /** One case from intake to the end of its flow. */
    void lifecycle(BenchLatencies latencies) throws InterruptedException {
        int n = sequence.incrementAndGet();
        String customer = "lifecycle-" + run + "-" + n + "@example.com";
        long opened = System.nanoTime();
        String reference = TestCases.open(
                intake,
                "email",
                customer,
                "standard",
                "Order " + n + " has not arrived",
                "My order has not arrived yet, the tracking page shows nothing since last week.",
                null);
        long resolveStart = lap(latencies, "open case", opened);

        retried(() -> {
            Task task = tasks.createTaskQuery()
                    .processInstanceBusinessKey(reference)
                    .taskDefinitionKey("Task_Troubleshoot")
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException(reference + " has no Task_Troubleshoot");
            }
            tasks.complete(
                    task.getId(),
                    Map.of(
                            "outcome", "resolved",
                            "reply", "We have re-sent your parcel with express delivery.",
                            "resolution", "Re-sent the parcel",
                            "tags", "delivery-delay",
                            "knowledgeGap", false));
            return true;
        });
        long resolvedMail = lap(latencies, "agent resolves", resolveStart);

        String resolutionToken = TestMailServer.linkToken(awaitMail(customer, "Resolved"), "resolution");
        long confirm = lap(latencies, "resolution mail arrives", resolvedMail);
        if (!retried(() -> feedback.answerResolution(resolutionToken, true))) {
            throw new IllegalStateException(reference + ": the confirmation was not taken");
        }
        long surveyMail = lap(latencies, "customer confirms", confirm);

        String surveyToken = TestMailServer.linkToken(awaitMail(customer, "How did we do"), "survey");
        long answer = lap(latencies, "survey mail arrives", surveyMail);
        if (!retried(() -> feedback.answerSurvey(surveyToken, 5, null))) {
            throw new IllegalStateException(reference + ": the survey answer was not taken");
        }
        long end = lap(latencies, "customer answers survey", answer);

        String processInstanceId = cases.get(reference).processInstanceId();
        await(
                reference + "'s flow to end",
                () -> runtime.createProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .count()
                        == 0);
        lap(latencies, "flow ends", end);
        lap(latencies, "whole lifecycle", opened);
    }

    /** Waits until no job is due (mail deliveries, continuations), so a phase starts without the last's tail. */
    void awaitIdleJobs() throws InterruptedException {
        await(
                "the due jobs to run",
                () -> management.createJobQuery().executable().count() == 0);
    }

    private static long lap(BenchLatencies latencies, String step, long since) {
        long now = System.nanoTime();
        latencies.add(step, (now - since) / 1_000_000);
        return now;
    }

    private static MimeMessage awaitMail(String customer, String subject) throws InterruptedException {
        var mail = new AtomicReference<MimeMessage>();
        await("a mail '" + subject + "' to " + customer, () -> {
            TestMailServer.mailsTo(customer).stream()
                    .filter(m -> TestMailServer.subject(m).contains(subject))
                    .reduce((a, b) -> b)
                    .ifPresent(mail::set);
            return mail.get() != null;
        });
        return mail.get();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE);
            }
            Thread.sleep(10);
        }
    }

    /**
     * A step again when it lost a race with a job of the same case (the acknowledgement's delivery touches the
     * flow): the engine's optimistic lock, or a lock conflict the database reports.
     */
    private <T> T retried(Supplier<T> step) throws InterruptedException {
        var failures = new ArrayList<RuntimeException>();
        while (true) {
            try {
                return step.get();
            } catch (OptimisticLockingException | ConcurrencyFailureException e) {
                failures.add(e);
                retries.incrementAndGet();
                if (failures.size() >= 20) {
                    throw failures.get(failures.size() - 1);
                }
                Thread.sleep(20L * failures.size());
            }
        }
    }
}
