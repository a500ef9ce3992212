package io.casedesk.system.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.casedesk.EndToEndContext;
import io.casedesk.TestMailServer;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent's invalid answer is the agent's mistake: the completion is refused and the task stays open, and the log
 * gets one WARN line for it, not the engine's ERROR with a stack trace.
 */
@EndToEndContext
@ExtendWith(OutputCaptureExtension.class)
class InvalidInputLoggingTest {

    private static final String REFUSAL = "outcome must be one of resolved, need_info, escalate";

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessEngine engine;

    @Test
    void aTaskCompletedWithANonsenseOutcome_isOneWarnLine_withoutErrorOrStackTrace(CapturedOutput output)
            throws Exception {
        Task task = openTier1Task();

        int before = output.getAll().length();
        var refused = completeAsAlice(task.getId(), "nonsense");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(REFUSAL).doesNotContain("\tat ");
        assertLoggedOnce(output.getAll().substring(before));

        before = output.getAll().length();
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("outcome", "nonsense", "reply", "Hello")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(REFUSAL);
        assertLoggedOnce(output.getAll().substring(before));

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count())
                .as("the task stays open")
                .isEqualTo(1);
    }

    private static void assertLoggedOnce(String log) {
        List<String> lines = log.lines().toList();
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ")).isEmpty();
        assertThat(lines)
                .as("no stack trace")
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        assertThat(lines)
                .filteredOn(line -> line.contains(" WARN ") && line.contains(REFUSAL))
                .hasSize(1);
    }

    /** A tier1 task whose acknowledgement is out, so no job of the case logs meanwhile. */
    private Task openTier1Task() {
        String ref = TestCases.open(
                intake,
                "email",
                "refused-" + UUID.randomUUID() + "@example.com",
                "standard",
                "Parcel is late",
                "Where is my parcel?",
                null);
        Task task = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .taskDefinitionKey("Task_Troubleshoot")
                                .taskCandidateGroup("tier1")
                                .singleResult(),
                        t -> t != null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TestMailServer.mailsFor(ref).isEmpty());
        return task;
    }

    private HttpResponse<String> completeAsAlice(String taskId, String outcome) throws Exception {
        // /engine-rest finds the engine by name ("default") in Camunda's static registry, where the engine of the
        // test context started last, or the removal by one closed since (DevMailCaptureTest), would be found
        ProcessEngines.registerProcessEngine(engine);
        String body = """
                {"variables":{"outcome":{"value":"%s","type":"String"},"reply":{"value":"Hello","type":"String"}}}""".formatted(outcome);
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
