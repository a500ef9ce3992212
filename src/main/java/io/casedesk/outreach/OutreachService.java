package io.casedesk.outreach;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseTrends;
import io.casedesk.cases.LinkedCase;
import io.casedesk.mail.MailService;
import io.casedesk.prevention.PreventionCheck;
import io.casedesk.prevention.PreventionProperties;
import io.casedesk.prevention.PreventionService;
import io.casedesk.trends.IncidentEvidence;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.TrendIncident;
import io.casedesk.trends.Trends;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens after trends detected an incident: ops review its evidence and confirm or dismiss it; a confirmed
 * incident links the open cases with its key, a chunk per job, and tells every affected customer once through the
 * outreach's outbox ({@link OutreachMails}), sent in chunks by parallel delivery jobs; its end tells them again, and
 * hands the key to a prevention ticket whose effect is checked weeks later.
 */
@Service
@Transactional
public class OutreachService {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final int SHOWN_CASES = 50;
    private static final int SHOWN_SAMPLES = 10;
    /** A task's text variable is a plain string variable: the engine stores at most 4,000 characters of it. */
    static final int MOST_SHOWN_CHARACTERS = 3_900;
    /** How often a worker giving way looks again. */
    private static final long GIVE_WAY_STEP_MILLIS = 20;

    private final Trends trends;
    private final CaseService cases;
    private final MailService mail;
    private final PreventionService prevention;
    private final PreventionProperties preventionSettings;
    private final OutreachMails outbox;
    private final Clock clock;
    private final TransactionTemplate eachMail;
    private final SupportWork supportWork;
    private final OutreachProperties settings;

    OutreachService(
            Trends trends,
            CaseService cases,
            MailService mail,
            PreventionService prevention,
            PreventionProperties preventionSettings,
            OutreachMails outbox,
            Clock clock,
            PlatformTransactionManager transactions,
            SupportWork supportWork,
            OutreachProperties settings) {
        this.trends = trends;
        this.cases = cases;
        this.mail = mail;
        this.prevention = prevention;
        this.preventionSettings = preventionSettings;
        this.outbox = outbox;
        this.clock = clock;
        this.eachMail = new TransactionTemplate(transactions);
        this.eachMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.supportWork = supportWork;
        this.settings = settings;
    }

    /** What ops read in Task_OpsReview, as text the form shows. */
    public record ReviewSheet(String title, String summary, String cases, String samples, String sentimentCurve) {}

    @Transactional(readOnly = true)
    public ReviewSheet review(long incidentId) {
        IncidentEvidence evidence = trends.evidence(incidentId);
        TrendIncident incident = evidence.incident();
        String title = "INC-%d · %s · %s".formatted(incident.id(), wire(incident.kind()), incident.key());
        String summary = """
                %s spike "%s": %d cases in the window %s – %s (baseline %.1f per window).
                %d customers affected. First case %s, latest %s. Detected %s.""".formatted(
                        wire(incident.kind()),
                        incident.key(),
                        incident.caseCount(),
                        at(incident.windowStart()),
                        at(incident.windowEnd()),
                        incident.baseline(),
                        evidence.customers().size(),
                        at(evidence.first()),
                        at(evidence.latest()),
                        at(incident.detectedAt()));
        String caseLines = evidence.cases().stream()
                .limit(SHOWN_CASES)
                .map(c -> "%s · %s · %s · %s · %s · sentiment %+.2f"
                        .formatted(
                                c.reference(),
                                at(c.createdAt()),
                                c.status(),
                                c.customerEmail(),
                                c.subject(),
                                c.sentiment()))
                .collect(Collectors.joining("\n"));
        if (evidence.cases().size() > SHOWN_CASES) {
            caseLines += "\n… and " + (evidence.cases().size() - SHOWN_CASES) + " more";
        }
        String samples = evidence.samples().stream()
                .limit(SHOWN_SAMPLES)
                .map(s -> "%s (%s, %+.2f): %s".formatted(s.reference(), at(s.at()), s.sentiment(), s.text()))
                .collect(Collectors.joining("\n"));
        String curve = evidence.sentimentCurve().stream()
                .filter(p -> p.messages() > 0)
                .map(p -> "%s  %3d messages, %3d negative, average %+.2f  %s"
                        .formatted(
                                HOUR.format(p.hour()),
                                p.messages(),
                                p.negative(),
                                p.averageSentiment(),
                                "#".repeat(Math.min(40, p.negative()))))
                .collect(Collectors.joining("\n"));
        if (curve.isEmpty()) {
            curve = "No customer messages in the window or the day before it";
        }
        return new ReviewSheet(title, fit(summary), fit(caseLines), fit(samples), fit(curve));
    }

    /** Checks the extra recipients ops typed before anything is stored; names every bad one. */
    public List<String> extraRecipients(String commaSeparated) {
        return Recipients.parse(commaSeparated);
    }

    public void dismiss(long incidentId, String reason) {
        trends.dismiss(incidentId, reason == null || reason.isBlank() ? "dismissed by ops" : reason.strip());
    }

    /**
     * Ops confirmed: the incident is confirmed and one announcement per affected customer (those of the open cases it
     * is still to link included) and extra recipient is queued, each once per incident. Gives how many mails it
     * queued; the delivery jobs send them once the open cases are linked ({@link #linkOpenCases}).
     */
    public int confirm(long incidentId, String subject, String message, String extraRecipients) {
        List<String> extras = Recipients.parse(extraRecipients);
        trends.confirm(incidentId);
        Set<String> recipients = new LinkedHashSet<>();
        trends.affectedCustomerEmails(incidentId).stream()
                .map(Recipients::normal)
                .forEach(recipients::add);
        recipients.addAll(extras);
        return queue(incidentId, OutreachKind.ANNOUNCEMENT, subject, message, List.copyOf(recipients));
    }

    /**
     * Links the next chunk of the confirmed incident's open cases to it: at most {@code limit} of those not linked
     * yet, with ids above {@code afterCaseId} (each an update and a timeline entry). Run again with the same
     * {@code afterCaseId} it links nothing twice: a case linked already is no longer selected, and
     * {@link CaseService#linkIncident} links a case once even when two runs meet on it.
     */
    public LinkedChunk linkOpenCases(long incidentId, String subject, long afterCaseId, int limit) {
        TrendIncident incident = trends.incident(incidentId).orElseThrow();
        String detail = "Incident INC-%d (%s %s) confirmed by ops; the customer is told: %s"
                .formatted(incidentId, wire(incident.kind()), incident.key(), subject);
        List<CaseTrends.OpenCase> chunk = trends.unlinkedOpenCases(incidentId, afterCaseId, limit);
        int linked = 0;
        for (CaseTrends.OpenCase open : chunk) {
            if (cases.linkIncident(open.reference(), incidentId, detail)) {
                linked++;
            }
        }
        long last = chunk.isEmpty() ? afterCaseId : chunk.get(chunk.size() - 1).id();
        boolean more = chunk.size() == limit
                && !trends.unlinkedOpenCases(incidentId, last, 1).isEmpty();
        return new LinkedChunk(linked, last, more);
    }

    /**
     * What one chunk of the linking did: how many cases it linked, the id of the last case it looked at (the next
     * chunk goes on after it), and whether open cases are left.
     */
    public record LinkedChunk(int linked, long lastCaseId, boolean more) {}

    /**
     * The incident is over: it is closed, every customer told before and every linked case's customer gets the
     * follow-up once, and the linked cases' timelines show it. Gives how many mails it queued.
     */
    public int close(long incidentId, String message) {
        TrendIncident incident = trends.incident(incidentId).orElseThrow();
        trends.close(incidentId);
        Set<String> recipients = new LinkedHashSet<>(outbox.recipients(incidentId, OutreachKind.ANNOUNCEMENT));
        for (LinkedCase linked : cases.casesLinkedTo(incidentId)) {
            recipients.add(Recipients.normal(linked.customerEmail()));
            cases.recordEvent(
                    linked.reference(),
                    CaseEventType.INCIDENT_UPDATE,
                    "Incident INC-" + incidentId + " is over; ops told every affected customer: " + message);
        }
        String subject = "Resolved: " + incident.key() + " (INC-" + incidentId + ")";
        return queue(incidentId, OutreachKind.FOLLOW_UP, subject, message, List.copyOf(recipients));
    }

    private int queue(long incidentId, OutreachKind kind, String subject, String message, List<String> recipients) {
        MailService.PreparedMail prepared = mail.prepare(
                "outreach",
                Map.of(
                        "subject", subject.strip(),
                        "lines", message.strip().lines().toList(),
                        "incident", "INC-" + incidentId));
        long messageId =
                outbox.message(incidentId, kind, prepared.subject(), prepared.text(), prepared.html(), clock.instant());
        return outbox.queue(messageId, incidentId, kind, recipients, mail.messageIdDomain(), clock.instant());
    }

    /**
     * Sends up to {@code chunkSize} of one worker's share of the incident's waiting mails, each in a transaction of
     * its own right after its SMTP hand-off, so a failure (retried by the job) sends only what is left. Before each
     * mail it gives way to the support cases' due work. Gives whether the worker has mails left.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public boolean sendChunk(long incidentId, OutreachKind kind, int worker, int workers, int chunkSize) {
        List<Long> ids = outbox.waiting(incidentId, kind, worker, workers, chunkSize);
        for (long id : ids) {
            giveWay();
            eachMail.executeWithoutResult(status -> outbox.lockWaiting(id).ifPresent(m -> {
                mail.sendPrepared(m.recipient(), m.subject(), m.text(), m.html(), m.mailId());
                outbox.markSent(m.id(), clock.instant());
            }));
        }
        return ids.size() == chunkSize
                && !outbox.waiting(incidentId, kind, worker, workers, 1).isEmpty();
    }

    /**
     * Waits while the support cases' jobs are due and not done (SLA timers, acknowledgements: priority 0 against the
     * deliveries' -10), at most casedesk.outreach.give-way-at-most: the priorities decide which job a free thread
     * takes, this keeps the running deliveries from taking the cores those jobs need (README, "Proactive outreach").
     */
    private void giveWay() {
        long until = System.nanoTime() + settings.giveWayAtMost().toNanos();
        while (System.nanoTime() < until && supportWork.waiting()) {
            try {
                Thread.sleep(GIVE_WAY_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Queued and sent mails of an incident's outreach. */
    @Transactional(readOnly = true)
    public Progress progress(long incidentId, OutreachKind kind) {
        OutreachMails.Counts counts = outbox.counts(incidentId, kind);
        return new Progress(counts.queued(), counts.sent());
    }

    public record Progress(long waiting, long sent) {}

    /** Opens or joins the prevention ticket for the incident's key with its linked cases; gives the ticket id. */
    public long handToPrevention(long incidentId) {
        TrendIncident incident = trends.incident(incidentId).orElseThrow();
        List<String> linked = cases.casesLinkedTo(incidentId).stream()
                .map(LinkedCase::reference)
                .toList();
        return prevention.requestForIncident(incident.key(), incidentId, linked);
    }

    /**
     * Weeks later: the key's cases and CSAT in casedesk.prevention.check-after before the incident's window against
     * as long after it ended, on the ticket and its cases.
     */
    public PreventionCheck checkPrevention(long incidentId, long ticketId) {
        TrendIncident incident = trends.incident(incidentId).orElseThrow();
        Instant ended = incident.closedAt() != null ? incident.closedAt() : incident.windowEnd();
        boolean tag = incident.kind() != IncidentKind.CATEGORY;
        return prevention.checkAfterIncident(
                ticketId,
                incidentId,
                tag ? incident.key() : null,
                tag ? null : incident.key(),
                incident.windowStart(),
                ended,
                preventionSettings.checkAfter());
    }

    /** The text as far as a string variable holds it, cut at a line's end, saying how many lines are left out. */
    static String fit(String text) {
        if (text.length() <= MOST_SHOWN_CHARACTERS) {
            return text;
        }
        String[] lines = text.split("\n");
        var kept = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            String clipped = line.length() > 500 ? line.substring(0, 500) + "…" : line;
            if (kept.length() + clipped.length() + 40 > MOST_SHOWN_CHARACTERS) {
                break;
            }
            kept.append(clipped).append('\n');
            shown++;
        }
        return kept + "… " + (lines.length - shown) + " more lines not shown";
    }

    private static String wire(IncidentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String at(Instant instant) {
        return instant == null ? "–" : AT.format(instant);
    }
}
