package io.casedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casedesk.EndToEndContext;
import io.casedesk.ManualJobs;
import io.casedesk.TestMailServer;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server: nothing sent on rollback, nothing lost in an outage, nothing twice. The
 * test runs the delivery jobs itself (ManualJobs); a job run by hand does not wait for its retry time.
 */
@ManualJobs
@EndToEndContext
class MailOutboxTest {

    @Autowired
    IntakeService intake;

    @Autowired
    MailService mail;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    TransactionTemplate transaction;

    @org.junit.jupiter.api.BeforeEach
    void emptyMailbox() {
        TestMailServer.purge();
    }

    @Test
    void aRolledBackStateChange_queuesAndSendsNothing() {
        var reference = new AtomicReference<String>();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    reference.set(open("Rolled back", "This opening fails after the acknowledgement is queued."));
                    assertThat(mail.outboxOf(reference.get())).hasSize(1);
                    throw new IllegalStateException("the caller fails after the case was opened");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(deliveryJobs(reference.get())).isEmpty();
        deliverAll();
        assertThat(TestMailServer.mailsFor(reference.get())).isEmpty();
    }

    @Test
    void anSmtpOutage_becomesAnIncident_andAfterRecoveryEveryMailGoesOutExactlyOnce() {
        TestMailServer.outage();
        String ref;
        Job job;
        try {
            ref = open("During the outage", "Mail server is down while this arrives.");
            job = deliveryJobs(ref).get(0);
            for (int attempt = 0; attempt < 3; attempt++) {
                String id = job.getId();
                assertThatThrownBy(() -> management.executeJob(id)).isNotNull();
                job = management.createJobQuery().jobId(id).singleResult();
            }
            assertThat(job.getRetries()).isZero();
            assertThat(runtime.createIncidentQuery()
                            .processInstanceId(job.getProcessInstanceId())
                            .count())
                    .as("incident in Cockpit once the retries are spent")
                    .isEqualTo(1);
            assertThat(mail.outboxOf(ref))
                    .singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(OutboxMail.Status.QUEUED));
        } finally {
            TestMailServer.recover();
        }

        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(TestMailServer.mailsFor(ref)).hasSize(1);
        OutboxMail sent = mail.outboxOf(ref).get(0);
        assertThat(sent.status()).isEqualTo(OutboxMail.Status.SENT);

        mail.deliver(sent.id());
        assertThat(TestMailServer.mailsFor(ref))
                .as("a retry after a lost commit sends nothing twice")
                .hasSize(1);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(job.getProcessInstanceId())
                        .count())
                .isZero();
    }

    @Test
    void repliesThreadUnderTheAcknowledgement_withBothPlainTextAndEscapedHtml() throws Exception {
        String ref = open("Threading", "Please keep this in one conversation.");
        deliverAll();
        var task = tasks.createTaskQuery().processInstanceBusinessKey(ref).singleResult();
        tasks.complete(
                task.getId(),
                Map.of(
                        "outcome",
                        "need_info",
                        "reply",
                        "Which <b>order</b>? <script>x()</script>",
                        "knowledgeGap",
                        false));
        deliverAll();

        List<OutboxMail> outbox = mail.outboxOf(ref);
        assertThat(outbox)
                .extracting(OutboxMail::kind)
                .containsExactly(MailKind.ACKNOWLEDGEMENT, MailKind.INFO_REQUEST);
        MimeMessage ack = TestMailServer.lastMailFor(ref, "We have received");
        MimeMessage question = TestMailServer.lastMailFor(ref, "We need a few more details");
        assertThat(ack.getMessageID()).isEqualTo(outbox.get(0).messageId());
        assertThat(question.getMessageID()).isEqualTo(outbox.get(1).messageId());
        assertThat(question.getHeader("In-Reply-To")[0]).isEqualTo(ack.getMessageID());
        assertThat(question.getHeader("References")[0]).contains(ack.getMessageID());
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(question.getHeader("Auto-Submitted")).as("an agent wrote it").isNull();

        assertThat(outbox.get(1).text()).contains("Which <b>order</b>? <script>x()</script>");
        assertThat(outbox.get(1).html())
                .contains("Which &lt;b&gt;order&lt;/b&gt;? &lt;script&gt;x()&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(question.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(TestMailServer.body(question)).contains("text/plain").contains("text/html");
    }

    @Test
    void everyKindRendersAsTextAndHtml_withTheReferenceInTheSubject() {
        String ref = open("All kinds", "Render every template.");
        for (MailKind kind : MailKind.values()) {
            mail.queue(ref, kind);
        }
        List<OutboxMail> outbox = mail.outboxOf(ref);
        assertThat(outbox).hasSize(MailKind.values().length + 1);
        for (OutboxMail m : outbox) {
            assertThat(m.subject()).as(m.kind().name()).startsWith("[" + ref + "] ");
            assertThat(m.text())
                    .as(m.kind().name())
                    .isNotBlank()
                    .doesNotContain("[(")
                    .doesNotContain("${");
            assertThat(m.html()).as(m.kind().name()).contains("<html").doesNotContainPattern("\\sth:[a-z]+=");
        }
        OutboxMail survey = outbox.stream()
                .filter(m -> m.kind() == MailKind.SURVEY)
                .findFirst()
                .orElseThrow();
        for (int score = 1; score <= 5; score++) {
            assertThat(survey.text()).contains("?score=" + score);
            assertThat(survey.html()).contains("?score=" + score);
        }
        OutboxMail resolution = outbox.stream()
                .filter(m -> m.kind() == MailKind.RESOLUTION)
                .findFirst()
                .orElseThrow();
        assertThat(resolution.text()).contains("?answer=fixed").contains("?answer=broken");
        OutboxMail breach = outbox.stream()
                .filter(m -> m.kind() == MailKind.SLA_BREACH)
                .findFirst()
                .orElseThrow();
        assertThat(breach.recipient()).isEqualTo("managers@casedesk.local");
        assertThat(breach.text()).contains("/camunda/app/cockpit/");
        assertThat(outbox)
                .filteredOn(m -> m.kind() == MailKind.ACKNOWLEDGEMENT)
                .extracting(OutboxMail::occurrence)
                .containsExactly(1, 2);
    }

    private String open(String subject, String description) {
        return TestCases.open(
                intake,
                "email",
                "outbox-" + System.nanoTime() + "@example.com",
                "standard",
                subject,
                description,
                null);
    }

    private List<Job> deliveryJobs(String ref) {
        return management.createJobQuery().processDefinitionKey("mail-delivery").list().stream()
                .filter(j -> ref.equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(j.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()))
                .toList();
    }

    private void deliverAll() {
        for (Job job : management
                .createJobQuery()
                .processDefinitionKey("mail-delivery")
                .withRetriesLeft()
                .list()) {
            management.executeJob(job.getId());
        }
    }
}
