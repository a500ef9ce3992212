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
import java.util.Arrays;
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
        List<MailKind> customerKinds =
                Arrays.stream(MailKind.values()).filter(MailKind::toCustomer).toList();
        for (MailKind kind : customerKinds) {
            mail.queue(ref, kind);
        }
        for (MailKind kind : List.of(MailKind.MANAGER_ESCALATION, MailKind.SLA_WARNING, MailKind.SLA_BREACH)) {
            assertThatThrownBy(() -> mail.queue(ref, kind))
                    .as("manager notices go through the policy")
                    .isInstanceOf(IllegalArgumentException.class);
        }
        mail.notifyManagers(ref, notice("sla-breach", true, ref));
        List<OutboxMail> outbox = mail.outboxOf(ref);
        assertThat(outbox).hasSize(customerKinds.size() + 2);
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
                .filter(m -> m.kind() == MailKind.MANAGER_NOTICE)
                .findFirst()
                .orElseThrow();
        assertThat(breach.recipient()).isEqualTo("managers@casedesk.local");
        assertThat(breach.subject()).isEqualTo("[" + ref + "] SLA breached: All kinds");
        assertThat(breach.text())
                .contains("/camunda/app/cockpit/default/#/process-instance/" + flowOf(ref) + "/runtime")
                .contains("SLA breached; the case is with tier1");
        assertThat(outbox)
                .as("no link in any mail is dead")
                .allSatisfy(m -> assertThat(m.text() + m.html())
                        .doesNotContain("null")
                        .doesNotContain("process-instance//")
                        .doesNotContain("/survey/\"")
                        .doesNotContain("/resolution/\""));
        assertThat(outbox)
                .filteredOn(m -> m.kind() == MailKind.ACKNOWLEDGEMENT)
                .extracting(OutboxMail::occurrence)
                .containsExactly(1, 2);
    }

    @Test
    void noticesOfACaseWithinTheWindow_arriveAsOneMail_anUrgentOneAtOnce_andNoneIsLostOrSentTwice() {
        String ref = open("Grouped notices", "Several notices for the managers.");
        deliverAll();
        TestMailServer.purge();

        mail.notifyManagers(ref, notice("sla-warning", false, ref));
        mail.notifyManagers(ref, notice("escalation", false, ref));
        assertThat(notices(ref)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(OutboxMail.Status.QUEUED);
            assertThat(m.text()).contains("SLA at risk").contains("Escalated to tier1");
        });
        List<Job> waiting = deliveryJobs(ref);
        assertThat(waiting)
                .singleElement()
                .satisfies(job -> assertThat(job.getDuedate())
                        .as("waits for the window of casedesk.mail.notification-window")
                        .isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofMinutes(9)))));
        deliverDue();
        assertThat(TestMailServer.mailsFor(ref))
                .as("nothing before the window ends")
                .isEmpty();

        mail.notifyManagers(ref, notice("sla-breach", true, ref));
        assertThat(notices(ref)).as("the urgent notice joins the waiting mail").hasSize(1);
        deliverDue();
        assertThat(TestMailServer.mailsFor(ref)).singleElement().satisfies(sent -> {
            assertThat(TestMailServer.subject(sent)).contains("3 notices, the latest: SLA breached");
            assertThat(TestMailServer.body(sent))
                    .contains("SLA at risk")
                    .contains("Escalated to tier1")
                    .contains("SLA breached");
        });

        management.executeJob(waiting.get(0).getId());
        deliverDue();
        assertThat(TestMailServer.mailsFor(ref))
                .as("the window's own job finds the mail sent")
                .hasSize(1);

        mail.notifyManagers(ref, notice("sla-warning", false, ref));
        assertThat(notices(ref))
                .as("a notice after the mail went out opens the next one")
                .hasSize(2)
                .extracting(OutboxMail::status)
                .containsExactly(OutboxMail.Status.SENT, OutboxMail.Status.QUEUED);
        deliverAll();
        assertThat(TestMailServer.mailsFor(ref)).hasSize(2);
        assertThat(TestMailServer.body(TestMailServer.mailsFor(ref).get(1)))
                .contains("SLA at risk")
                .doesNotContain("SLA breached");
    }

    @Test
    void aNoticeInARolledBackTransaction_isNeitherQueuedNorSent_andDoesNotJoinAWaitingMail() {
        String ref = open("Rolled back notice", "A notice whose transaction fails.");
        mail.notifyManagers(ref, notice("escalation", false, ref));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    mail.notifyManagers(ref, notice("sla-breach", true, ref));
                    throw new IllegalStateException("the breach's step fails");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(notices(ref))
                .singleElement()
                .satisfies(
                        m -> assertThat(m.text()).contains("Escalated to tier1").doesNotContain("SLA breached"));
        assertThat(deliveryJobs(ref))
                .as("the acknowledgement's and the notice's")
                .hasSize(2);
    }

    private List<OutboxMail> notices(String ref) {
        return mail.outboxOf(ref).stream()
                .filter(m -> m.kind() == MailKind.MANAGER_NOTICE)
                .toList();
    }

    private ManagerNotice notice(String event, boolean urgent, String ref) {
        return new ManagerNotice(event, null, "tier1", List.of("managers"), urgent, flowOf(ref));
    }

    private String flowOf(String ref) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("support-case")
                .processInstanceBusinessKey(ref)
                .singleResult()
                .getId();
    }

    /** The delivery jobs the job executor would run now (a waiting notice's is not due yet). */
    private void deliverDue() {
        for (Job job : management
                .createJobQuery()
                .processDefinitionKey("mail-delivery")
                .executable()
                .list()) {
            management.executeJob(job.getId());
        }
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

    /** Each job with retries left once, also those the runs create (a held notice's timer leaves its sending job). */
    private void deliverAll() {
        java.util.Set<String> ran = new java.util.HashSet<>();
        boolean ranOne = true;
        while (ranOne) {
            ranOne = false;
            for (Job job : management
                    .createJobQuery()
                    .processDefinitionKey("mail-delivery")
                    .withRetriesLeft()
                    .list()) {
                if (ran.add(job.getId())) {
                    management.executeJob(job.getId());
                    ranOne = true;
                }
            }
        }
    }
}
