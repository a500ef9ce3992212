package io.casedesk.mail;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes and sends the mails of a case. Templates are text files (templates/mail/*.txt, Thymeleaf TEXT mode,
 * whose [(${...})] output is never evaluated as anything but text). Without an SMTP server configured the mail
 * is logged instead, so the service runs on a bare machine.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CaseService cases;
    private final TemplateEngine templates;
    private final Optional<JavaMailSender> sender;
    private final CustomerLinks links;
    private final MailSettings settings;

    MailService(CaseService cases, TemplateEngine mailTemplates, ObjectProvider<JavaMailSender> sender,
                CustomerLinks links, MailSettings settings) {
        this.cases = cases;
        this.templates = mailTemplates;
        this.sender = Optional.ofNullable(sender.getIfAvailable());
        this.links = links;
        this.settings = settings;
    }

    /** Renders and sends one mail of the case; gives the subject it was sent with. */
    public String send(String reference, MailKind kind) {
        SupportCase c = cases.get(reference);
        var context = new Context();
        context.setVariable("case", c);
        context.setVariable("responseDue", c.responseDueAt() == null ? null : DUE.format(c.responseDueAt()));
        context.setVariable("resolutionDue", c.resolutionDueAt() == null ? null : DUE.format(c.resolutionDueAt()));
        context.setVariable("responseWithin", c.responseDueAt() == null ? null
                : human(Duration.between(c.createdAt(), c.responseDueAt())));
        String reply = cases.lastReply(reference);
        context.setVariable("reply", reply == null ? "" : reply);
        if (kind == MailKind.RESOLUTION) {
            context.setVariable("resolutionLink", links.resolutionLink(c.id()));
        }
        if (kind == MailKind.SURVEY) {
            context.setVariable("surveyLink", links.surveyLink(c.id()));
        }
        String[] rendered = templates.process(kind.template(), context).split("\n", 2);
        String subject = "[" + c.reference() + "] " + rendered[0].replaceFirst("^Subject: ", "").strip();
        String body = rendered.length > 1 ? rendered[1].strip() + "\n" : "";
        String to = kind.toManagers() ? settings.managerAddress() : c.customerEmail();
        deliver(to, subject, body);
        if (kind == MailKind.ACKNOWLEDGEMENT) {
            cases.markAcknowledged(reference);
        }
        cases.recordEvent(reference, "mail-sent", kind.name().toLowerCase().replace('_', '-') + " to " + to);
        return subject;
    }

    private void deliver(String to, String subject, String body) {
        if (sender.isEmpty()) {
            log.info("No SMTP server configured (spring.mail.host); mail to {}:\nSubject: {}\n\n{}", to, subject, body);
            return;
        }
        try {
            MimeMessage message = sender.get().createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.get().send(message);
        } catch (MessagingException e) {
            throw new MailSendException("could not build mail to " + to, e);
        }
    }

    private static String human(Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, d.toMinutes()) + (d.toMinutes() <= 1 ? " minute" : " minutes");
    }
}
