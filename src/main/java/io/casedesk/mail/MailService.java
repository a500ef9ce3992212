package io.casedesk.mail;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import io.casedesk.orders.OrderService;
import io.casedesk.system.PublicUrl;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The mails of a case, through an outbox. {@link #queue} renders a mail (plain text and HTML from the files in
 * templates/mail) and stores it in the caller's transaction, beside the state change that causes it, and
 * schedules its delivery; {@link #deliver} sends a stored mail once, in the retried delivery job. A rollback
 * thus sends nothing, an SMTP outage loses nothing, and a retry does not send twice. A chat or social customer's
 * mail is also queued for the channel's webhook ({@link ChannelWebhooks}), in the same transaction.
 */
@Service
public class MailService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MailService.class);

    private static final DateTimeFormatter DUE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CaseService cases;
    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final TemplateEngine templates;
    private final Optional<JavaMailSender> sender;
    private final CustomerLinks links;
    private final MailSettings settings;
    private final PublicUrl publicUrl;
    private final OrderService orders;
    private final Clock clock;
    private final ChannelWebhooks webhooks;

    MailService(
            CaseService cases,
            MailOutbox outbox,
            MailDelivery delivery,
            TemplateEngine mailTemplates,
            ObjectProvider<JavaMailSender> sender,
            CustomerLinks links,
            MailSettings settings,
            PublicUrl publicUrl,
            Clock clock,
            ChannelWebhooks webhooks,
            OrderService orders) {
        this.cases = cases;
        this.outbox = outbox;
        this.delivery = delivery;
        this.templates = mailTemplates;
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.links = links;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.webhooks = webhooks;
        this.orders = orders;
    }

    /** Renders the mail of this kind for the case and queues it; gives its outbox id. */
    @Transactional
    public long queue(String reference, MailKind kind) {
        if (!kind.toCustomer()) {
            throw new IllegalArgumentException(kind + " is no mail to the customer: manager notices go through "
                    + "notifyManagers (the manager-notification table)");
        }
        SupportCase c = cases.get(reference);
        int occurrence = outbox.nextOccurrence(c.id(), kind);
        Context context = context(c, kind);
        Rendered mail = render(c, kind, context);
        List<String> thread = outbox.customerThread(c.id());
        long id = outbox.insert(
                new OutboxMail(
                        0,
                        c.id(),
                        kind,
                        occurrence,
                        c.customerEmail(),
                        true,
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        messageId(c, kind, occurrence),
                        thread.isEmpty() ? null : thread.get(thread.size() - 1),
                        thread.isEmpty() ? null : String.join(" ", thread),
                        OutboxMail.Status.QUEUED,
                        0,
                        null,
                        null),
                clock.instant());
        delivery.schedule(id, c.reference());
        webhooks.queue(c, kind, id, mail.text(), ChannelWebhooks.links(kind, context));
        return id;
    }

    /**
     * Tells each group of the notice's audience, in the case's notice mail to that group's address: the one still
     * waiting within casedesk.mail.notification-window, or a new one. A notice that is not urgent waits for the window
     * to end; an urgent one is sent at once, with the notices already waiting. Each notice is in exactly one mail: the
     * waiting mail is locked while the notice joins it (and while it is delivered), so a notice that comes while the
     * mail goes out opens the next one.
     */
    @Transactional
    public void notifyManagers(String reference, ManagerNotice notice) {
        SupportCase c = cases.get(reference);
        Instant now = clock.instant();
        Set<String> addresses = new LinkedHashSet<>();
        for (String group : notice.audience()) {
            addresses.add(settings.addressOf(group).orElseGet(() -> {
                LOG.warn(
                        "No address for group {} (casedesk.mail.group-addresses.{}): its notice about {} goes to {}",
                        group,
                        group,
                        reference,
                        settings.managerAddress());
                return settings.managerAddress();
            }));
        }
        for (String address : addresses) {
            Optional<Long> waiting = outbox.waitingNotice(c.id(), address, now.minus(settings.notificationWindow()));
            long id = waiting.orElseGet(() -> insertNotice(c, address, now));
            outbox.addNotice(id, notice, now);
            List<MailOutbox.NoticeLine> lines = outbox.notices(id);
            Context context = context(c, MailKind.MANAGER_NOTICE);
            context.setVariable(
                    "notices",
                    lines.stream()
                            .map(line -> Map.of("at", DUE.format(line.at()), "summary", line.summary()))
                            .toList());
            context.setVariable(
                    "headline",
                    lines.size() == 1 ? notice.title() : lines.size() + " notices, the latest: " + notice.title());
            context.setVariable("group", notice.group());
            context.setVariable(
                    "cockpitLink",
                    publicUrl.base() + "/camunda/app/cockpit/default/#/process-instance/" + notice.processInstanceId()
                            + "/runtime");
            Rendered mail = render(c, MailKind.MANAGER_NOTICE, context);
            outbox.rewrite(id, mail.subject(), mail.text(), mail.html());
            if (notice.urgent()) {
                // sent now; a mail that was waiting still has its window's job, which then finds it sent
                delivery.schedule(id, c.reference());
            } else if (waiting.isEmpty()) {
                delivery.schedule(id, c.reference(), now.plus(settings.notificationWindow()));
            }
        }
    }

    /** Sends a queued mail; a mail already sent is not sent again. */
    @Transactional
    public void deliver(long outboxId) {
        OutboxMail mail =
                outbox.findForUpdate(outboxId).orElseThrow(() -> new IllegalArgumentException("no mail " + outboxId));
        if (mail.status() == OutboxMail.Status.SENT) {
            return;
        }
        send(mail);
        outbox.markSent(mail.id(), clock.instant());
        String reference = cases.referenceOf(mail.caseId());
        if (mail.kind() == MailKind.ACKNOWLEDGEMENT) {
            cases.markAcknowledged(reference);
        }
        cases.recordEvent(reference, CaseEventType.MAIL_SENT, mail.kind().slug() + " to " + mail.recipient());
    }

    /** The outbox of a case, oldest first (for tests and support). */
    @Transactional(readOnly = true)
    public List<OutboxMail> outboxOf(String reference) {
        return outbox.ofCase(cases.get(reference).id());
    }

    private long insertNotice(SupportCase c, String address, Instant now) {
        int occurrence = outbox.nextOccurrence(c.id(), MailKind.MANAGER_NOTICE);
        return outbox.insert(
                new OutboxMail(
                        0,
                        c.id(),
                        MailKind.MANAGER_NOTICE,
                        occurrence,
                        address,
                        false,
                        "[" + c.reference() + "]",
                        "",
                        "",
                        messageId(c, MailKind.MANAGER_NOTICE, occurrence),
                        null,
                        null,
                        OutboxMail.Status.QUEUED,
                        0,
                        null,
                        null),
                now);
    }

    private Rendered render(SupportCase c, MailKind kind, Context context) {
        Rendered mail = render(kind.slug(), context);
        return new Rendered("[" + c.reference() + "] " + mail.subject(), mail.text(), mail.html());
    }

    /** The files mail/{name}.txt (its first line "Subject: …", then the text) and mail/{name}.html rendered. */
    private Rendered render(String name, Context context) {
        String[] text = templates.process("mail/" + name + ".txt", context).split("\n", 2);
        String subject = text[0].replaceFirst("^Subject: ", "").strip();
        String body = text.length > 1 ? text[1].strip() + "\n" : "";
        return new Rendered(subject, body, templates.process("mail/" + name + ".html", context));
    }

    /** A mail rendered for another feature's outbox (see {@link #sendPrepared}). */
    public record PreparedMail(String subject, String text, String html) {}

    /**
     * A mail that is not about one case (a proactive outreach), rendered like the case mails from the template
     * files {@code mail/<template>.txt} and {@code .html} with the variables given; their values are shown as text,
     * never evaluated.
     */
    public PreparedMail prepare(String template, Map<String, Object> variables) {
        Rendered mail = render(template, new Context(Locale.ENGLISH, variables));
        return new PreparedMail(mail.subject(), mail.text(), mail.html());
    }

    private String messageId(SupportCase c, MailKind kind, int occurrence) {
        return "<%s.%s.%d.%s@%s>"
                .formatted(
                        c.reference().toLowerCase(Locale.ROOT),
                        kind.slug(),
                        occurrence,
                        UUID.randomUUID().toString().substring(0, 8),
                        settings.messageIdDomain());
    }

    private record Rendered(String subject, String text, String html) {}

    private Context context(SupportCase c, MailKind kind) {
        var context = new Context(Locale.ENGLISH);
        context.setVariable("case", c);
        context.setVariable("responseDue", c.responseDueAt() == null ? null : DUE.format(c.responseDueAt()));
        context.setVariable("resolutionDue", c.resolutionDueAt() == null ? null : DUE.format(c.resolutionDueAt()));
        context.setVariable(
                "responseWithin",
                c.responseDueAt() == null ? null : human(Duration.between(c.createdAt(), c.responseDueAt())));
        String reply = cases.lastReply(c.reference());
        context.setVariable("reply", reply == null ? "" : reply);
        context.setVariable("replyParts", ReplyText.parts(reply == null ? "" : reply, publicUrl.base()));
        if (kind == MailKind.AUTOMATIC_ANSWER) {
            context.setVariable("order", orders.find(c.orderId()).orElse(null));
        }
        if (kind.asksForConfirmation()) {
            String page = links.resolutionLink(c.id());
            context.setVariable("resolutionLink", page);
            context.setVariable("fixedLink", page + "?answer=fixed");
            context.setVariable("brokenLink", page + "?answer=broken");
        }
        if (kind == MailKind.SURVEY) {
            CustomerLinks.SurveyLinks survey = links.surveyLinks(c.id());
            context.setVariable("surveyLink", survey.page());
            context.setVariable("scoreLinks", survey.scores());
        }
        return context;
    }

    /**
     * Sends a mail another feature keeps in an outbox of its own (a proactive outreach to thousands of customers,
     * none of whom needs a case): the caller stores it first and marks it sent after this returns, as
     * {@link #deliver} does. It goes out like the case mails (sender, SMTP settings, dev capture) and is marked
     * automatic.
     */
    public void sendPrepared(String recipient, String subject, String text, String html, String messageId) {
        send(messageId, recipient, subject, text, html, null, null, true);
    }

    private void send(OutboxMail mail) {
        send(
                mail.messageId(),
                mail.recipient(),
                mail.subject(),
                mail.text(),
                mail.html(),
                mail.inReplyTo(),
                mail.references(),
                mail.kind().automatic());
    }

    private void send(
            String messageId,
            String recipient,
            String subject,
            String text,
            String html,
            String inReplyTo,
            String references,
            boolean automatic) {
        if (sender.isEmpty()) {
            // the dev profile captures mail itself; anywhere else a missing server must not swallow mail: the
            // delivery job fails, is retried and ends as an incident until spring.mail.host is set
            throw new MailSendException(
                    "No SMTP server configured (spring.mail.host): mail " + messageId + " not sent");
        }
        try {
            MimeMessage message = new FixedIdMimeMessage(session(sender.get()), messageId);
            var helper = new HeaderHelper(message);
            helper.setFrom(settings.from());
            helper.setTo(recipient);
            helper.setSubject(subject);
            message.setContent(textAndHtml(text, html));
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", inReplyTo);
                message.setHeader("References", references);
            }
            if (automatic) {
                message.setHeader("Auto-Submitted", "auto-generated");
            }
            sender.get().send(message);
        } catch (MessagingException e) {
            throw new MailSendException("could not build mail " + messageId, e);
        }
    }

    /**
     * A text and an HTML version of the same mail, as one multipart/alternative: all a mail without attachments
     * needs. MimeMessageHelper's multipart mode nests it in mixed and related parts, and each multipart asks
     * jakarta.mail's ServiceLoader for its stream provider again (jakartaee/mail-api#699, fixed only in 2.2).
     */
    private static MimeMultipart textAndHtml(String text, String html) throws MessagingException {
        var alternative = new MimeMultipart("alternative");
        var plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        alternative.addBodyPart(plain);
        var rich = new MimeBodyPart();
        rich.setContent(html, "text/html;charset=UTF-8");
        alternative.addBodyPart(rich);
        return alternative;
    }

    /**
     * MimeMessageHelper for the headers, with one file type map for all mails: the helper builds a new one, reading
     * the MIME types file again, for every message that JavaMailSender did not create itself.
     */
    private static final class HeaderHelper extends MimeMessageHelper {
        private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

        HeaderHelper(MimeMessage message) {
            super(message, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }
    }

    /** The domain of the Message-IDs casedesk makes (casedesk.mail.message-id-domain). */
    public String messageIdDomain() {
        return settings.messageIdDomain();
    }

    private static Session session(JavaMailSender sender) {
        return sender instanceof JavaMailSenderImpl impl
                ? impl.getSession()
                : Session.getInstance(new java.util.Properties());
    }

    private static String human(Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, d.toMinutes()) + (d.toMinutes() <= 1 ? " minute" : " minutes");
    }

    /** Keeps the Message-ID we stored: JavaMail would otherwise make up a new one at every send. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
