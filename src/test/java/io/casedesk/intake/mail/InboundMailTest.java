package io.casedesk.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import io.casedesk.EndToEndContext;
import io.casedesk.ManualJobs;
import io.casedesk.TestMailDelivery;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseQuery;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.Channel;
import io.casedesk.cases.CustomerMessages;
import io.casedesk.cases.SupportCase;
import io.casedesk.intake.IntakeService;
import io.casedesk.supportcase.SupportCaseProcess;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Inbound mail through a real IMAP server (the JVM's TestMailServer, whose support mailbox the EndToEndContext
 * reads) into the real case store and flow. The job executor is stopped for this class (ManualJobs) and the
 * scheduled poll is an hour away, so each test polls by hand and runs the flow's jobs itself. The same server takes
 * the mails casedesk sends.
 */
@ManualJobs
@EndToEndContext
class InboundMailTest {

    private static final String MAILBOX = "support@casedesk.test";
    private static final Pattern CASE_REFERENCE = Pattern.compile("\\[(CASE-[0-9]+)\\]");

    @Autowired
    InboundMailPoller poller;

    @Autowired
    InboundMailProperties settings;

    @Autowired
    InboundMailLog mails;

    @Autowired
    IntakeService intake;

    @Autowired
    CustomerMessages customerMessages;

    @Autowired
    CaseService cases;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    private GreenMailUser user;

    @BeforeEach
    void emptyMailbox() throws Exception {
        TestMailServer.purge();
        user = TestMailServer.setUser(MAILBOX, "support", "secret");
    }

    @Test
    void newMail_opensAnEmailCaseForTheSender_whichIsAcknowledged() throws Exception {
        String customer = customer();
        deliver(mail(
                "Ana Example <" + customer + ">",
                "Order 4521 has not arrived",
                "Hello,\r\nmy order 4521 has not arrived, tracking shows nothing.\r\nAna"));

        assertThat(poller.poll()).isEqualTo(1);

        SupportCase c = onlyCaseOf(customer);
        assertThat(c.channel()).isEqualTo(Channel.EMAIL);
        assertThat(c.customerName()).isEqualTo("Ana Example");
        assertThat(c.customerTier()).isEqualTo("standard");
        assertThat(c.subject()).isEqualTo("Order 4521 has not arrived");
        assertThat(c.description()).isEqualTo("Hello,\nmy order 4521 has not arrived, tracking shows nothing.\nAna");
        assertThat(c.openedBy()).isEqualTo("inbound-mail");
        assertThat(c.processInstanceId()).isNotNull();
        assertThat(c.priority()).as("triaged by the flow").isNotNull();
        assertThat(details(c.reference(), "opened")).containsExactly("Opened via email by inbound-mail");
        assertThat(statusOfOnlyRowFrom(customer)).isEqualTo(InboundMailStatus.CASE_OPENED);

        deliverMails(c.reference());
        assertThat(sentTo(customer))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject())
                        .startsWith("[" + c.reference() + "]")
                        .contains("We have received your request"));
        assertThat(unreadInMailbox()).as("marked seen once recorded").isZero();
    }

    @Test
    void reply_withTheCaseReference_isOnTheTimelineAndResumesTheWaitingCase() throws Exception {
        String customer = customer();
        deliver(mail(customer, "Shoes too small", "The shoes I got are too small."));
        poller.poll();
        String ref = onlyCaseOf(customer).reference();
        deliverMails(ref);
        tasks.complete(
                task(ref).getId(),
                Map.of("outcome", "need_info", "reply", "Which size did you order?", "knowledgeGap", false));
        deliverMails(ref);
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);

        // someone else naming the case is shown to the agent but does not answer for the customer
        deliver(mail(
                "stranger-" + System.nanoTime() + "@example.org",
                "Re: [" + ref + "] We need a few more details",
                "Size 40, please close it."));
        poller.poll();
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(details(ref, "mail-from-other-sender"))
                .singleElement()
                .asString()
                .contains("Size 40");

        deliver(mail(
                "Ana <" + customer.toUpperCase() + ">",
                "Re: [" + ref + "] We need a few more details",
                "I ordered size 42 ${7*7}.\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, casedesk support\r\n"
                        + "<support@casedesk.local> wrote:\r\n> Which size did you order?\r\n"));
        assertThat(poller.poll()).isEqualTo(1);

        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(details(ref, "customer-message")).containsExactly("I ordered size 42 ${7*7}.");
        assertThat(task(ref).getTaskDefinitionKey()).isEqualTo("Task_Troubleshoot");
        assertThat(cases.search(new CaseQuery(null, null, null, customer, null, 0, 10))
                        .total())
                .as("a reply opens no new case")
                .isEqualTo(1);
    }

    @Test
    void reply_toAResolvedCase_countsAsStillBroken() throws Exception {
        String customer = customer();
        deliver(mail(customer, "Payment fails", "My card payment failed at renewal."));
        poller.poll();
        String ref = onlyCaseOf(customer).reference();
        deliverMails(ref);
        tasks.complete(
                task(ref).getId(),
                Map.of(
                        "outcome",
                        "resolved",
                        "reply",
                        "We reset your payment method.",
                        "resolution",
                        "Reset payment method",
                        "tags",
                        "payment-renewal-failure",
                        "knowledgeGap",
                        false));
        deliverMails(ref);
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.RESOLVED);

        deliver(mail(customer, "Re: [" + ref + "] Resolved", "It still fails.\r\n> We reset your payment method."));
        poller.poll();

        assertThat(cases.get(ref).reopenCount()).isEqualTo(1);
        assertThat(cases.get(ref).status()).isNotEqualTo(CaseStatus.RESOLVED);
        assertThat(details(ref, "customer-message")).containsExactly("It still fails.");
    }

    @Test
    void autoRepliesAndBounces_areRecordedButOpenNothingAndSendNothing() throws Exception {
        String customer = customer();
        deliver(mail(customer, "Where is my refund?", "Still waiting for my refund."));
        poller.poll();
        String ref = onlyCaseOf(customer).reference();
        long casesBefore =
                cases.search(new CaseQuery(null, null, null, null, null, 0, 1)).total();
        long jobsBefore = management.createJobQuery().count();
        long instancesBefore = runtime.createProcessInstanceQuery().count();
        int sentBefore = sent().size();

        String outOfOffice = customer();
        deliver(mail(
                outOfOffice,
                "Automatic reply: [" + ref + "] We have received your request",
                "I am out of the office until Monday.",
                "Auto-Submitted: auto-replied"));
        deliver(mail(
                "Mail Delivery System <MAILER-DAEMON@mx.example.net>",
                "Undelivered Mail Returned to Sender",
                "This is the mail system at host mx.example.net. Your mail could not be delivered."));
        String report = customer();
        deliver(("From: " + report + "\r\nTo: " + MAILBOX + "\r\nSubject: Delivery Status Notification (Failure)\r\n"
                        + "Message-ID: <" + System.nanoTime() + "@mx.example.net>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
                        + "--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
                        + "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
                        + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        String newsletter = customer();
        deliver(mail(newsletter, "Our autumn offers", "Buy now!", "Precedence: bulk"));

        assertThat(poller.poll()).isEqualTo(4);

        assertThat(statusOfOnlyRowFrom(outOfOffice)).isEqualTo(InboundMailStatus.AUTO_REPLY_IGNORED);
        assertThat(statusOfOnlyRowFrom("MAILER-DAEMON@mx.example.net")).isEqualTo(InboundMailStatus.BOUNCE_IGNORED);
        assertThat(statusOfOnlyRowFrom(report)).isEqualTo(InboundMailStatus.BOUNCE_IGNORED);
        assertThat(statusOfOnlyRowFrom(newsletter)).isEqualTo(InboundMailStatus.AUTO_REPLY_IGNORED);
        assertThat(cases.search(new CaseQuery(null, null, null, null, null, 0, 1))
                        .total())
                .isEqualTo(casesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(management.createJobQuery().count())
                .as("no mail job, nothing to send")
                .isEqualTo(jobsBefore);
        // the out-of-office names the case: the agent sees it, the flow does not take it as the customer's answer
        assertThat(details(ref, "automatic-mail")).singleElement().asString().contains("Auto-Submitted: auto-replied");
        assertThat(details(ref, "customer-message")).isEmpty();
        assertThat(sent()).as("nothing sent").hasSize(sentBefore);
        assertThat(unreadInMailbox()).isZero();
    }

    @Test
    void malformedMail_isKeptWithItsRawTextAndReported_notDropped() throws Exception {
        String sender = customer();
        String raw = "From: " + sender + "\r\nTo: " + MAILBOX + "\r\nSubject: Broken invoice\r\n"
                + "Message-ID: <" + System.nanoTime() + "@broken.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed\r\n\r\nThere is no boundary anywhere in this body.\r\n";
        deliver(raw.getBytes(StandardCharsets.UTF_8));
        long keptBefore = mails.count(InboundMailStatus.UNPARSEABLE);

        assertThat(poller.poll()).isEqualTo(1);

        var kept = onlyRowFrom(sender);
        assertThat(kept.status()).isEqualTo(InboundMailStatus.UNPARSEABLE);
        assertThat(kept.subject()).isEqualTo("Broken invoice");
        assertThat(kept.rawMessage()).contains("There is no boundary anywhere in this body.");
        assertThat(kept.error()).containsIgnoringCase("boundary");
        assertThat(mails.count(InboundMailStatus.UNPARSEABLE)).isEqualTo(keptBefore + 1);
        assertThat(cases.search(new CaseQuery(null, null, null, sender, null, 0, 10))
                        .total())
                .isZero();
        assertThat(unreadInMailbox()).as("kept, so no need to read it again").isZero();
    }

    @Test
    void eachMailIsProcessedOnce_evenWhenReadAgainAfterARestart() throws Exception {
        String customer = customer();
        String original = mail(customer, "Login fails", "I cannot log in since yesterday.");
        deliver(original);
        deliver(original); // the same Message-ID delivered twice, as a mail sent to two of our addresses is
        String withoutId = customer();
        deliver(mail(withoutId, "No id", "A mail without a Message-ID.").replaceFirst("Message-ID: [^\\r]*\\r\\n", ""));

        assertThat(poller.poll()).isEqualTo(3);
        String ref = onlyCaseOf(customer).reference();
        assertThat(onlyCaseOf(withoutId)).isNotNull();
        List<CaseEvent> timeline = cases.timeline(ref);

        // a crash after the commit but before the mailbox was told: every mail is unread again, a new node reads it
        markAllUnread();
        var restarted = new InboundMailPoller(
                settings,
                new InboundMailProcessor(
                        new InboundMailParser(null),
                        mails,
                        intake,
                        customerMessages,
                        cases,
                        transactionManager,
                        clock,
                        settings.maxAttempts()));
        assertThat(restarted.poll()).as("done with, and marked seen").isEqualTo(3);

        assertThat(cases.search(new CaseQuery(null, null, null, customer, null, 0, 10))
                        .total())
                .isEqualTo(1);
        assertThat(cases.search(new CaseQuery(null, null, null, withoutId, null, 0, 10))
                        .total())
                .isEqualTo(1);
        assertThat(cases.timeline(ref)).isEqualTo(timeline);
        assertThat(unreadInMailbox()).isZero();
        assertThat(poller.poll()).isZero();
    }

    @Test
    void mailWhoseProcessingFails_staysUnreadForTheNextPolls_thenIsKeptAsFailed() throws Exception {
        IntakeService broken = org.mockito.Mockito.mock(IntakeService.class);
        org.mockito.Mockito.when(broken.openFromEmail(
                        org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.anyString(),
                        org.mockito.ArgumentMatchers.anyString()))
                .thenThrow(new IllegalStateException("engine unavailable"));
        var failing = new InboundMailPoller(
                settings,
                new InboundMailProcessor(
                        new InboundMailParser(null),
                        mails,
                        broken,
                        customerMessages,
                        cases,
                        transactionManager,
                        clock,
                        3));
        String customer = customer();
        deliver(mail(customer, "Cannot pay", "The payment page shows an error."));

        assertThat(failing.poll()).as("left unread").isZero();
        assertThat(unreadInMailbox()).isEqualTo(1);
        var first = onlyRowFrom(customer);
        assertThat(first.status()).isEqualTo(InboundMailStatus.FAILED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).contains("engine unavailable");
        assertThat(first.rawMessage()).contains("The payment page shows an error.");

        assertThat(failing.poll()).isZero();
        assertThat(failing.poll())
                .as("attempts spent: kept, and the mailbox may forget it")
                .isEqualTo(1);
        assertThat(onlyRowFrom(customer).attempts()).isEqualTo(3);
        assertThat(unreadInMailbox()).isZero();
        assertThat(cases.search(new CaseQuery(null, null, null, customer, null, 0, 10))
                        .total())
                .isZero();
    }

    // --- helpers

    private static String customer() {
        return "customer-" + System.nanoTime() + "@example.com";
    }

    private static String mail(String from, String subject, String body, String... extraHeaders) {
        return "From: " + from + "\r\nTo: " + MAILBOX + "\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + System.nanoTime() + "@mail.example.com>\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + String.join(
                        "", List.of(extraHeaders).stream().map(h -> h + "\r\n").toList()) + "\r\n" + body;
    }

    private void deliver(String raw) throws Exception {
        deliver(raw.getBytes(StandardCharsets.UTF_8));
    }

    private void deliver(byte[] raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /**
     * Mails casedesk sent: everything the server received except what was put into the support mailbox, and except
     * the mails of the other applications of the test JVM (the security suite's context shares the server), which
     * name cases this one does not have.
     */
    private List<MimeMessage> sent() throws Exception {
        var sent = new java.util.ArrayList<MimeMessage>();
        for (MimeMessage m : TestMailServer.receivedMessages()) {
            if (!MAILBOX.equals(m.getAllRecipients()[0].toString()) && aboutOurCase(m.getSubject())) {
                sent.add(m);
            }
        }
        return sent;
    }

    private boolean aboutOurCase(String subject) {
        var reference = CASE_REFERENCE.matcher(subject == null ? "" : subject);
        return !reference.find() || cases.find(reference.group(1)).isPresent();
    }

    private List<MimeMessage> sentTo(String address) throws Exception {
        return sent().stream()
                .filter(m -> {
                    try {
                        return address.equals(m.getAllRecipients()[0].toString());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private Store imapStore() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", TestMailServer.imapPort(), "support", "secret");
        return store;
    }

    private int unreadInMailbox() throws Exception {
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    private void markAllUnread() throws Exception {
        try (Store store = imapStore()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.setFlags(inbox.getMessages(), new Flags(Flags.Flag.SEEN), false);
            inbox.close(false);
        }
        assertThat(unreadInMailbox()).isEqualTo(3);
    }

    private SupportCase onlyCaseOf(String email) {
        var found = cases.search(new CaseQuery(null, null, null, email, null, 0, 10))
                .items();
        assertThat(found).as("cases of " + email).hasSize(1);
        return found.get(0);
    }

    private InboundMailLog.Entry onlyRowFrom(String from) {
        var rows = java.util.Arrays.stream(InboundMailStatus.values())
                .flatMap(s -> mails.withStatus(s).stream())
                .filter(e -> from.equalsIgnoreCase(e.fromAddress()))
                .toList();
        assertThat(rows).as("inbound_mail rows from " + from).hasSize(1);
        return rows.get(0);
    }

    private InboundMailStatus statusOfOnlyRowFrom(String from) {
        return onlyRowFrom(from).status();
    }

    private List<String> details(String ref, String type) {
        return cases.timeline(ref).stream()
                .filter(e -> e.type().wire().equals(type))
                .map(CaseEvent::detail)
                .toList();
    }

    private ProcessInstance instance(String ref) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupportCaseProcess.KEY)
                .processInstanceBusinessKey(ref)
                .singleResult();
    }

    private Task task(String ref) {
        List<Task> open =
                tasks.createTaskQuery().processInstanceId(instance(ref).getId()).list();
        assertThat(open).as("open tasks of " + ref).hasSize(1);
        return open.get(0);
    }

    private void deliverMails(String ref) {
        TestMailDelivery.deliverMails(management, runtime, ref);
    }
}
