package io.casedesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casedesk.EndToEndContext;
import io.casedesk.ManualJobs;
import io.casedesk.TestMailDelivery;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.prevention.PreventionCheck;
import io.casedesk.prevention.PreventionService;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.IncidentStatus;
import io.casedesk.trends.TrendIncident;
import io.casedesk.trends.Trends;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A proactive outreach through the whole application with a real SMTP server (GreenMail): trends detects a spike
 * (the test's cases are moved back into an hour of their own, so no other class's cases count), ops confirm it, the
 * open cases are linked a few per job (a case opened meanwhile joins at intake; a link job run again links nothing)
 * and every affected customer gets exactly one mail, also when a delivery job fails and is
 * retried and when a job runs again after its mails went out; a new case with the key is linked at intake and told
 * in its acknowledgement; the follow-up reaches every customer once and shows on the linked cases; the key goes to a
 * prevention ticket whose check compares the cases before and after. A dismissed incident mails nobody and does not
 * come back in the next cycle.
 */
@ManualJobs
@EndToEndContext
class OutreachEndToEndTest {

    private static final Instant SPIKE_HOUR = Instant.parse("2024-02-29T03:00:00Z");
    private static final Instant DISMISSED_HOUR = Instant.parse("2024-03-10T03:00:00Z");
    /** casedesk.outreach.link-chunk of the context ({@link EndToEndContext}). */
    private static final int LINK_CHUNK = 4;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    Trends trends;

    @Autowired
    OutreachService outreach;

    @Autowired
    PreventionService prevention;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeEach
    void emptyMailbox() {
        TestMailServer.purge();
    }

    @Test
    void aConfirmedIncident_mailsEachCustomerOnce_linksOpenAndNewCases_followsUp_andChecksThePrevention()
            throws Exception {
        // two older cases of the tag, weeks before: the prevention check's "before"
        List<String> older = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            older.add(openBackdated(
                    "outreach-e2e-old-" + i + "@example.com",
                    "login-problem",
                    SPIKE_HOUR.minus(Duration.ofDays(10 + i))));
        }
        // their customers were unhappy (a survey answer of 2)
        jdbc.sql("UPDATE support_case SET csat = 2 WHERE reference IN (:r)")
                .param("r", older)
                .update();
        // the spike: seven cases of six customers within the hour
        List<String> spike = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            spike.add(openBackdated(
                    "outreach-e2e-" + (i % 6) + "@example.com",
                    "login-problem",
                    SPIKE_HOUR.minus(Duration.ofMinutes(5 + 5L * i))));
        }
        TestMailServer.purge();

        TrendIncident incident = detected(SPIKE_HOUR, "login-problem");
        ProcessInstance pi = outreachOf(incident);
        Task review = task(pi, "Task_OpsReview");
        assertThat(review.getName()).isEqualTo("INC-" + incident.id() + " · Review · tag login-problem");
        Map<String, Object> shown = tasks.getVariablesLocal(review.getId());
        assertThat((String) shown.get("evidenceCases")).contains(spike.get(0), "outreach-e2e-5@example.com");
        assertThat((String) shown.get("evidenceSummary")).contains("6 customers");

        HttpResponse<String> refused = completeAsOtto(review.getId(), """
                {"variables":{"decision":{"value":"confirm"},"subject":{"value":"Login trouble"},
                 "message":{"value":"We know."},"extraRecipients":{"value":"boss@example.com, not an address"}}}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("extraRecipients", "not an address");
        assertThat(task(pi, "Task_OpsReview").getId()).as("nothing lost").isEqualTo(review.getId());

        HttpResponse<String> confirmed = completeAsOtto(review.getId(), """
                {"variables":{"decision":{"value":"confirm"},"subject":{"value":"Login trouble since 02:00"},
                 "message":{"value":"Logins fail for some of you. We are on it <and> will write again."},
                 "extraRecipients":{"value":"Account.Manager@Example.com, outreach-e2e-1@example.com"}}}""");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);

        runJob(pi, "Task_ConfirmIncident");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            customers.add("outreach-e2e-" + i + "@example.com");
        }
        customers.addAll(List.of("outreach-e2e-old-0@example.com", "outreach-e2e-old-1@example.com"));
        customers.add("account.manager@example.com");
        assertThat(outreach.progress(incident.id(), OutreachKind.ANNOUNCEMENT).waiting())
                .as("the customers of the open cases still to link are queued too")
                .isEqualTo(customers.size());

        // nine open cases, linked LINK_CHUNK per job, each job going on after the last case of the one before
        String during = null;
        int linkJobs = 0;
        while (!jobs(pi, "Task_LinkOpenCases").isEmpty()) {
            long before = casesLinked(pi);
            runJob(pi, "Task_LinkOpenCases");
            linkJobs++;
            assertThat(casesLinked(pi) - before).as("link job %d", linkJobs).isBetween(0L, (long) LINK_CHUNK);
            if (during == null) {
                // a case with the key opened while the linking goes on joins the incident at intake
                during = TestCases.open(
                        intake,
                        "web",
                        "outreach-e2e-during@example.com",
                        "standard",
                        "Login fails",
                        "It does not work since this morning.",
                        "medium",
                        "login-problem");
                assertThat(cases.get(during).incidentId()).isEqualTo(incident.id());
                TestMailDelivery.deliverMails(management, runtime, during);
            }
        }
        assertThat(linkJobs).as("9 open cases, %d a job", LINK_CHUNK).isGreaterThanOrEqualTo(3);
        List<String> linked = new ArrayList<>(spike);
        linked.addAll(older);
        linked.add(during);
        for (String reference : linked) {
            assertThat(cases.get(reference).incidentId()).as(reference).isEqualTo(incident.id());
            assertThat(timeline(reference)).as(reference).containsOnlyOnce(CaseEventType.INCIDENT_LINKED);
        }
        assertThat(outreach.linkOpenCases(incident.id(), "Login trouble since 02:00", 0, LINK_CHUNK)
                        .linked())
                .as("a link job run again from the start links nothing")
                .isZero();
        for (String reference : linked) {
            assertThat(timeline(reference)).as(reference).containsOnlyOnce(CaseEventType.INCIDENT_LINKED);
        }

        // one delivery job meets an SMTP outage: it fails and keeps its mails for the retry
        List<Job> workers = jobs(pi, "Task_SendChunk");
        assertThat(workers)
                .hasSize(3)
                .allSatisfy(job -> assertThat(job.getPriority()).isEqualTo(-10));
        TestMailServer.outage();
        try {
            assertThatThrownBy(() -> management.executeJob(workers.get(0).getId()))
                    .isNotNull();
        } finally {
            TestMailServer.recover();
        }
        assertThat(management
                        .createJobQuery()
                        .jobId(workers.get(0).getId())
                        .singleResult()
                        .getRetries())
                .isEqualTo(2);
        // the retry, run now instead of in 5 minutes
        management.executeJob(workers.get(0).getId());
        runJobs(pi);
        // a job that runs again after its mails went out (its commit lost) sends nothing more
        for (int worker = 0; worker < 3; worker++) {
            outreach.sendChunk(incident.id(), OutreachKind.ANNOUNCEMENT, worker, 3, 25);
        }
        for (String customer : customers) {
            assertThat(TestMailServer.mailsTo(customer))
                    .as(customer)
                    .singleElement()
                    .satisfies(m -> assertThat(TestMailServer.subject(m)).isEqualTo("Login trouble since 02:00"))
                    .satisfies(m -> assertThat(TestMailServer.body(m))
                            .as("rendered from templates/mail/outreach.*: the text as typed, the HTML escaped")
                            .contains("We are on it <and> will write again")
                            .contains("We are on it &lt;and&gt; will write again")
                            .contains("Reference: INC-" + incident.id())
                            .contains("Your support team"));
        }
        assertThat(outreach.progress(incident.id(), OutreachKind.ANNOUNCEMENT))
                .isEqualTo(new OutreachService.Progress(0, customers.size()));

        // a new case with the key joins the incident at intake and is told in its acknowledgement
        String late = TestCases.open(
                intake,
                "email",
                "outreach-e2e-late@example.com",
                "standard",
                "Cannot log in",
                "The login page says my password is wrong.",
                "medium",
                "login-problem");
        assertThat(cases.get(late).incidentId()).isEqualTo(incident.id());
        TestMailDelivery.deliverMails(management, runtime, late);
        MimeMessage ack = TestMailServer.lastMailFor(late, "We have received");
        assertThat(TestMailServer.body(ack)).contains("We already know about this problem", "INC-" + incident.id());

        Task followUp = task(pi, "Task_IncidentFollowUp");
        assertThat(completeAsOtto(followUp.getId(), """
                {"variables":{"message":{"value":"Logins work again. Thank you for your patience."}}}""").statusCode()).isEqualTo(204);
        runJobs(pi);
        assertThat(trends.incident(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
        List<String> everyone = new ArrayList<>(customers);
        everyone.add("outreach-e2e-late@example.com");
        everyone.add("outreach-e2e-during@example.com");
        for (String customer : everyone) {
            assertThat(TestMailServer.mailsTo(customer).stream()
                            .filter(m -> TestMailServer.subject(m).startsWith("Resolved: login-problem"))
                            .toList())
                    .as(customer)
                    .singleElement()
                    .satisfies(m -> assertThat(TestMailServer.body(m)).contains("Logins work again"));
        }
        for (String reference : List.of(spike.get(0), late)) {
            assertThat(timeline(reference)).contains(CaseEventType.INCIDENT_UPDATE);
        }

        // the key goes to a prevention ticket; weeks later its check compares before and after
        long ticket = prevention.openTicket("login-problem").orElseThrow();
        assertThat(prevention.linkedCases(ticket)).contains(spike.get(0), late);
        Job check = jobs(pi, "Event_PreventionCheckDue").get(0);
        assertThat(check.getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(27)));
        management.executeJob(check.getId());
        PreventionCheck result = prevention.check(incident.id()).orElseThrow();
        assertThat(result.casesBefore()).as("the two older cases").isEqualTo(2);
        assertThat(result.casesAfter()).as("none since the incident ended").isZero();
        assertThat(result.csatBefore()).isEqualTo(2.0);
        assertThat(result.csatAfter()).as("no answers after").isNull();
        assertThat(result.improved()).isTrue();
        assertThat(timeline(spike.get(0))).contains(CaseEventType.PREVENTION);
        HttpResponse<String> report = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/trends"))
                                .header("Authorization", basic("otto"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body())
                .contains("\"preventionChecks\"")
                .contains(
                        "\"incident\":" + incident.id() + ",\"key\":\"login-problem\",\"ticket\":\"PREV-" + ticket
                                + "\",\"casesBefore\":2,\"casesAfter\":0,\"csatBefore\":2.0,\"csatAfter\":null,\"improved\":true");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
    }

    @Test
    void aDismissedIncident_mailsNobody_keepsItsReason_andDoesNotComeBackInTheNextCycle() throws Exception {
        List<String> spike = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            spike.add(openBackdated(
                    "outreach-dismiss-" + i + "@example.com",
                    "double-charge",
                    DISMISSED_HOUR.minus(Duration.ofMinutes(5 + 5L * i))));
        }
        TestMailServer.purge();
        TrendIncident incident = detected(DISMISSED_HOUR, "double-charge");
        ProcessInstance pi = outreachOf(incident);

        HttpResponse<String> dismissed =
                completeAsOtto(task(pi, "Task_OpsReview").getId(), """
                {"variables":{"decision":{"value":"dismiss"},"reason":{"value":"A billing run counted twice, fixed"}}}""");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(204);
        runJobs(pi);

        TrendIncident after = trends.incident(incident.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(IncidentStatus.DISMISSED);
        assertThat(after.dismissReason()).isEqualTo("A billing run counted twice, fixed");
        assertThat(TestMailServer.mailsTo("outreach-dismiss-0@example.com")).isEmpty();
        assertThat(cases.get(spike.get(0)).incidentId()).isNull();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        assertThat(trends.detect(DISMISSED_HOUR.plus(Duration.ofMinutes(5))))
                .noneMatch(i -> i.key().equals("double-charge"));
    }

    /** Opens a case through intake and moves its opening time back, out of every other class's period. */
    private String openBackdated(String email, String tag, Instant createdAt) {
        String reference = TestCases.open(
                intake,
                "web",
                email,
                "standard",
                "Trouble with " + tag,
                "It does not work since this morning.",
                "medium",
                tag);
        jdbc.sql("UPDATE support_case SET created_at = :at WHERE reference = :r")
                .param("at", Timestamp.from(createdAt))
                .param("r", reference)
                .update();
        TestMailDelivery.deliverMails(management, runtime, reference);
        return reference;
    }

    /** One trend-watch cycle at the hour: the incident of the tag (others the hour shows are dismissed). */
    private TrendIncident detected(Instant hour, String tag) {
        List<TrendIncident> found = trends.detect(hour);
        for (TrendIncident other : found) {
            if (!(other.kind() == IncidentKind.TAG && other.key().equals(tag))) {
                trends.dismiss(other.id(), "not this test's");
                runtime.deleteProcessInstance(outreachOf(other).getId(), "not this test's");
            }
        }
        return found.stream()
                .filter(i -> i.kind() == IncidentKind.TAG && i.key().equals(tag))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incident for " + tag + " among " + found));
    }

    private ProcessInstance outreachOf(TrendIncident incident) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("proactive-outreach")
                .processInstanceBusinessKey("INC-" + incident.id())
                .singleResult();
    }

    private Task task(ProcessInstance pi, String key) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(key)
                .taskCandidateGroup("ops")
                .singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    private List<Job> jobs(ProcessInstance pi, String activity) {
        return management
                .createJobQuery()
                .rootProcessInstanceId(pi.getId())
                .activityId(activity)
                .list();
    }

    private void runJob(ProcessInstance pi, String activity) {
        jobs(pi, activity).forEach(job -> management.executeJob(job.getId()));
    }

    /** Runs the outreach's due jobs, and those they create, until only a future timer (or nothing) is left. */
    private void runJobs(ProcessInstance pi) {
        List<Job> due;
        while (!(due = management
                        .createJobQuery()
                        .rootProcessInstanceId(pi.getId())
                        .executable()
                        .list())
                .isEmpty()) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** How many cases the outreach's link jobs have linked so far (0 before the first). */
    private long casesLinked(ProcessInstance pi) {
        Object linked = runtime.getVariable(pi.getId(), "casesLinked");
        return linked == null ? 0 : (Long) linked;
    }

    private List<CaseEventType> timeline(String reference) {
        return cases.timeline(reference).stream().map(CaseEvent::type).toList();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> completeAsOtto(String taskId, String body) throws Exception {
        // /engine-rest finds the engine by name in Camunda's static registry (see InvalidInputLoggingTest)
        ProcessEngines.registerProcessEngine(engine);
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("otto"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
