package io.casedesk.intake.mail;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CustomerMessages;
import io.casedesk.cases.SupportCase;
import io.casedesk.intake.IntakeService;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one inbound mail into its effect: a new case, a customer message on a case, or a record that it was an
 * automatic mail. The record in inbound_mail and the effect commit in one transaction, so a mail read twice
 * (another node, or a restart before the mailbox was told) has its effect once.
 */
class InboundMailProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboundMailProcessor.class);
    private static final Pattern REFERENCE = Pattern.compile("\\[(CASE-\\d{6,})\\]");

    /** DONE: the mailbox may forget the mail (mark it seen); RETRY_LATER: leave it for the next poll. */
    enum Outcome {
        DONE,
        RETRY_LATER
    }

    private record Handled(InboundMailStatus status, String reference, String detail) {}

    private final InboundMailParser parser;
    private final InboundMailLog mails;
    private final IntakeService intake;
    private final CustomerMessages customerMessages;
    private final CaseService cases;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxAttempts;

    InboundMailProcessor(
            InboundMailParser parser,
            InboundMailLog mails,
            IntakeService intake,
            CustomerMessages customerMessages,
            CaseService cases,
            PlatformTransactionManager transactionManager,
            Clock clock,
            int maxAttempts) {
        this.parser = parser;
        this.mails = mails;
        this.intake = intake;
        this.customerMessages = customerMessages;
        this.cases = cases;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    Outcome process(byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (UnparseableMailException e) {
            return keep(e, raw);
        }
        try {
            return transaction.execute(status -> handle(mail));
        } catch (DuplicateKeyException e) {
            log.debug("Inbound mail {} was handled by another reader", mail.messageId());
            return Outcome.DONE;
        } catch (RuntimeException e) {
            return recordFailure(mail, raw, e);
        }
    }

    /** A mail that could not be downloaded whole (too large, or the server failed on it): kept as unparseable. */
    Outcome keepUnreadable(byte[] headers, String reason) {
        return keep(parser.unreadable(headers, reason), headers);
    }

    private Outcome handle(ParsedMail mail) {
        var earlier = mails.find(mail.key());
        if (earlier.isPresent()) {
            var entry = earlier.get();
            if (entry.status() != InboundMailStatus.FAILED || entry.attempts() >= maxAttempts) {
                return Outcome.DONE;
            }
            if (!mails.claimRetry(entry.messageKey(), entry.attempts())) {
                return Outcome.RETRY_LATER;
            }
        } else {
            mails.claim(mail, clock.instant());
        }
        Handled handled = mail.isAutomatic() ? automatic(mail) : written(mail);
        mails.complete(mail.key(), handled.status(), handled.reference(), handled.detail(), clock.instant());
        log.info(
                "Inbound mail {} from {}: {} {}",
                name(mail.messageId()),
                mail.fromAddress(),
                handled.status().wire(),
                handled.reference() == null ? "" : handled.reference());
        return Outcome.DONE;
    }

    /** Never answered; on the case's timeline when it names one, since a bounce tells the agent something. */
    private Handled automatic(ParsedMail mail) {
        String reason = mail.automatic().reason();
        Optional<SupportCase> known = knownCase(mail.subject());
        known.ifPresent(c -> cases.recordEvent(
                c.reference(),
                CaseEventType.AUTOMATIC_MAIL,
                "Automatic mail from %s, not answered (%s): %s".formatted(mail.fromAddress(), reason, mail.subject())));
        return new Handled(
                mail.automatic().status(), known.map(SupportCase::reference).orElse(null), reason);
    }

    private Handled written(ParsedMail mail) {
        Optional<SupportCase> known = knownCase(mail.subject());
        if (known.isEmpty()) {
            String reference = intake.openFromEmail(
                    mail.fromAddress(),
                    mail.fromName(),
                    mail.subject(),
                    MailText.limit(mail.text(), InboundMailParser.MAX_TEXT));
            return new Handled(InboundMailStatus.CASE_OPENED, reference, null);
        }
        SupportCase c = known.get();
        String text = MailText.limit(MailText.withoutQuote(mail.text()), InboundMailParser.MAX_TEXT);
        if (!c.customerEmail().equalsIgnoreCase(mail.fromAddress().strip())) {
            // references are sequential: anyone could write one into a subject, so only the customer's own
            // address moves the flow; the mail still reaches the agent through the timeline
            cases.recordEvent(
                    c.reference(),
                    CaseEventType.MAIL_FROM_OTHER_SENDER,
                    "Mail from %s (not the customer's address): %s".formatted(mail.fromAddress(), text));
            return new Handled(InboundMailStatus.REPLY_FROM_OTHER_SENDER, c.reference(), null);
        }
        CustomerMessages.Effect effect = customerMessages.receive(c.reference(), text);
        return new Handled(
                InboundMailStatus.REPLY_ADDED,
                c.reference(),
                "customer message " + effect.name().toLowerCase(Locale.ROOT));
    }

    private Optional<SupportCase> knownCase(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(subject);
        while (m.find()) {
            Optional<SupportCase> c = cases.find(m.group(1));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Outcome keep(UnparseableMailException e, byte[] raw) {
        boolean inserted;
        try {
            inserted = Boolean.TRUE.equals(transaction.execute(status -> {
                if (mails.find(e.key()).isPresent()) {
                    return false;
                }
                mails.insertUnparseable(
                        e.key(), e.messageId(), e.from(), e.subject(), e.describe(), raw, clock.instant());
                return true;
            }));
        } catch (DuplicateKeyException duplicate) {
            inserted = false;
        }
        if (inserted) {
            log.warn(
                    "Inbound mail {} from {} ({}) could not be read; kept in inbound_mail with status unparseable: {}",
                    name(e.messageId()),
                    e.from(),
                    e.subject(),
                    e.describe());
        }
        return Outcome.DONE;
    }

    private Outcome recordFailure(ParsedMail mail, byte[] raw, RuntimeException failure) {
        int attempts;
        try {
            attempts =
                    transaction.execute(status -> mails.recordFailure(mail, failure.toString(), raw, clock.instant()));
        } catch (RuntimeException e) {
            log.warn(
                    "Inbound mail {} failed and its failure could not be recorded; tried again on the next poll",
                    name(mail.messageId()),
                    e);
            return Outcome.RETRY_LATER;
        }
        if (attempts >= maxAttempts) {
            log.warn(
                    "Inbound mail {} from {} failed {} times; kept in inbound_mail with status failed",
                    name(mail.messageId()),
                    mail.fromAddress(),
                    attempts,
                    failure);
            return Outcome.DONE;
        }
        log.warn(
                "Inbound mail {} from {} failed (attempt {} of {}); tried again on the next poll: {}",
                name(mail.messageId()),
                mail.fromAddress(),
                attempts,
                maxAttempts,
                failure.toString());
        return Outcome.RETRY_LATER;
    }

    private static String name(String messageId) {
        return messageId == null ? "(no Message-ID)" : messageId;
    }
}
