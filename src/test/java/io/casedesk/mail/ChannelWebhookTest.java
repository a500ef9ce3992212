package io.casedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.EndToEndContext;
import io.casedesk.ManualJobs;
import io.casedesk.TestMailServer;
import io.casedesk.TestWebhookReceiver;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replies on the customer's channel (API.md) against a real HTTP receiver ({@link TestWebhookReceiver}, the chat and
 * social integrations of the test context): every message to a chat or social customer is POSTed once, signed, beside
 * its mail; a failed or timed-out POST is retried by its job and still counts once at a receiver that drops repeats by
 * X-Casedesk-Delivery; spent retries are an incident; email customers get mail only. The test runs the jobs itself.
 */
@ManualJobs
@EndToEndContext
class ChannelWebhookTest {

    @Autowired
    IntakeService intake;

    @Autowired
    MailService mail;

    @Autowired
    ChannelWebhooks webhooks;

    @Autowired
    CaseService cases;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void emptyMailbox() {
        TestMailServer.purge();
    }

    @Test
    void everyMessageToAChatCustomer_isPostedOnce_signed_withTheMailsTextAndLinks() throws Exception {
        Instant opened = Instant.now().minusSeconds(1);
        String ref = open("chat", "Where is my parcel", "It has not arrived.");
        List<WebhookMessage> queued = webhooks.outboxOf(ref);
        OutboxMail ack = mail.outboxOf(ref).get(0);
        assertThat(queued)
                .as("queued with the acknowledgement, in its transaction")
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.mailId()).isEqualTo(ack.id());
                    assertThat(w.channel()).isEqualTo("chat");
                    assertThat(w.status()).isEqualTo(WebhookMessage.Status.QUEUED);
                });

        runDeliveries(ref);

        var received = TestWebhookReceiver.requestsFor(ref);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("chat");
            assertThat(r.signatureValid())
                    .as("HMAC-SHA256 of the body with the chat secret")
                    .isTrue();
            assertThat(r.signature())
                    .isEqualTo(TestWebhookReceiver.sign(r.body(), TestWebhookReceiver.CHAT_SECRET))
                    .startsWith("sha256=");
            assertThat(r.deliveryId()).isEqualTo(queued.get(0).deliveryId());
        });
        JsonNode body = json.readTree(received.get(0).body());
        assertThat(iterable(body.fieldNames())).containsExactly("reference", "kind", "text", "links", "at");
        assertThat(body.path("reference").asText()).isEqualTo(ref);
        assertThat(body.path("kind").asText()).isEqualTo("acknowledgement");
        assertThat(body.path("text").asText()).isEqualTo(ack.text()).contains(ref);
        assertThat(body.path("links").isArray()).isTrue();
        assertThat(Instant.parse(body.path("at").asText())).isAfter(opened);
        assertThat(TestMailServer.mailsFor(ref)).as("the mail goes out too").hasSize(1);
        assertThat(webhooks.outboxOf(ref).get(0).status()).isEqualTo(WebhookMessage.Status.SENT);
        assertThat(cases.timeline(ref))
                .anySatisfy(e -> assertThat(e.detail()).contains("acknowledgement delivered to the chat webhook"));

        var task = tasks.createTaskQuery().processInstanceBusinessKey(ref).singleResult();
        tasks.complete(
                task.getId(),
                Map.of(
                        "outcome", "resolved",
                        "reply", "We sent a new parcel <b>today</b>.",
                        "resolution", "Sent a replacement",
                        "tags", "delivery-delay",
                        "knowledgeGap", false));
        runDeliveries(ref);

        OutboxMail resolution = mail.outboxOf(ref).stream()
                .filter(m -> m.kind() == MailKind.RESOLUTION)
                .findFirst()
                .orElseThrow();
        JsonNode posted = TestWebhookReceiver.requestsFor(ref).stream()
                .filter(r -> "resolution".equals(r.kind()))
                .map(r -> readTree(r.body()))
                .findFirst()
                .orElseThrow();
        assertThat(posted.path("text").asText()).isEqualTo(resolution.text()).contains("<b>today</b>");
        assertThat(posted.path("links").findValuesAsText("rel")).containsExactly("fixed", "broken");
        for (JsonNode link : posted.path("links")) {
            assertThat(resolution.text())
                    .as("the mail's own links")
                    .contains(link.path("url").asText());
        }
        assertThat(TestWebhookReceiver.requestsFor(ref))
                .as("one POST per customer message, all signed")
                .hasSize(webhooks.outboxOf(ref).size())
                .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(webhooks.outboxOf(ref)).hasSize((int)
                mail.outboxOf(ref).stream().filter(OutboxMail::toCustomer).count());
    }

    @Test
    void anErrorAnswer_isRetriedByTheJob_andTheMessageArrivesOnce() {
        String ref = open("social", "Refund please", "I returned it last week.");
        TestWebhookReceiver.answerNext(ref, 500);
        Job job = webhookJob(ref);

        assertThatThrownBy(() -> management.executeJob(job.getId()))
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("retry this incident in Cockpit");
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isEqualTo(2);
        management.executeJob(job.getId());

        var received = TestWebhookReceiver.requestsFor(ref);
        assertThat(received).extracting(TestWebhookReceiver.Request::answered).containsExactly(500, 200);
        assertThat(received)
                .extracting(TestWebhookReceiver.Request::deliveryId)
                .containsOnly(received.get(0).deliveryId());
        assertThat(TestWebhookReceiver.deliveredMessagesFor(ref)).isEqualTo(1);

        webhooks.deliver(webhooks.outboxOf(ref).get(0).id());
        assertThat(TestWebhookReceiver.requestsFor(ref))
                .as("a delivery recorded as done is not sent again")
                .hasSize(2);
    }

    @Test
    void anAnswerLaterThanCasedeskWaits_isRetriedWithTheSameDeliveryId_soTheReceiverCountsItOnce() {
        String ref = open("chat", "Slow integration", "Hello?");
        TestWebhookReceiver.answerNextAfter(ref, Duration.ofSeconds(4));
        Job job = webhookJob(ref);

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Could not deliver");
        assertThat(webhooks.outboxOf(ref).get(0).status()).isEqualTo(WebhookMessage.Status.QUEUED);
        management.executeJob(job.getId());

        var received = TestWebhookReceiver.requestsFor(ref);
        assertThat(received)
                .as("the first POST arrived, its answer came too late")
                .hasSize(2);
        assertThat(received.get(1).deliveryId()).isEqualTo(received.get(0).deliveryId());
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(TestWebhookReceiver.deliveredMessagesFor(ref)).isEqualTo(1);
        assertThat(webhooks.outboxOf(ref).get(0).status()).isEqualTo(WebhookMessage.Status.SENT);
    }

    @Test
    void spentRetries_areAnIncident_whileTheMailGoesOut_andARetryFromCockpitDelivers() {
        String ref = open("chat", "Integration down", "Anyone there?");
        for (int i = 0; i < 3; i++) {
            TestWebhookReceiver.answerNext(ref, 503);
        }
        Job job = webhookJob(ref);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }
        var incident = runtime.createIncidentQuery()
                .processInstanceId(job.getProcessInstanceId())
                .singleResult();
        assertThat(incident)
                .as("an incident in Cockpit once the retries are spent")
                .isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_DeliverWebhook");
        assertThat(incident.getIncidentMessage())
                .contains(ref)
                .contains("casedesk.channels.chat.secret")
                .contains("retry this incident in Cockpit");

        runDeliveries(ref);
        assertThat(TestMailServer.mailsFor(ref))
                .as("the mail does not wait for the webhook")
                .hasSize(1);

        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(TestWebhookReceiver.deliveredMessagesFor(ref)).isEqualTo(1);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(job.getProcessInstanceId())
                        .count())
                .isZero();
    }

    @Test
    void emailCustomers_getMailOnly() {
        String ref = open("email", "By mail", "Please answer by mail.");
        runDeliveries(ref);
        assertThat(webhooks.outboxOf(ref)).isEmpty();
        assertThat(TestWebhookReceiver.requestsFor(ref)).isEmpty();
        assertThat(TestMailServer.mailsFor(ref)).hasSize(1);
    }

    private String open(String channel, String subject, String description) {
        return TestCases.open(
                intake,
                channel,
                "webhook-" + System.nanoTime() + "@example.com",
                "standard",
                subject,
                description,
                null);
    }

    private List<Job> deliveryJobs(String ref) {
        return management.createJobQuery().processDefinitionKey("mail-delivery").withRetriesLeft().list().stream()
                .filter(j -> ref.equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(j.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()))
                .toList();
    }

    private Job webhookJob(String ref) {
        return deliveryJobs(ref).stream()
                .filter(j -> "Task_DeliverWebhook".equals(activityOf(j)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no webhook delivery job for " + ref));
    }

    /** Runs the case's pending deliveries (mail and webhook) that have retries left, as the job executor would. */
    private void runDeliveries(String ref) {
        for (Job job : deliveryJobs(ref)) {
            management.executeJob(job.getId());
        }
    }

    private String activityOf(Job job) {
        return management
                .createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId())
                .singleResult()
                .getActivityId();
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
