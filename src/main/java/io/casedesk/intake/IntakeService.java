package io.casedesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.Channel;
import io.casedesk.cases.NewCase;
import io.casedesk.cases.SupportCase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cases: stores the case, computes what triage needs from the customer's words, and starts the flow,
 * all in one transaction, so a failure leaves neither a case without a flow nor a flow without a case.
 * <p>
 * The flow is started by the listener of {@link CaseReadyForTriage}, synchronously in this transaction; it attaches
 * its process instance to the case, so the case read back afterwards is triaged and names its flow.
 */
@Service
public class IntakeService {

    private final CaseService cases;
    private final CustomerSentiment sentiment;
    private final ApplicationEventPublisher events;
    private final IdempotentRequests idempotentRequests;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeService(
            CaseService cases,
            CustomerSentiment sentiment,
            ApplicationEventPublisher events,
            IdempotentRequests idempotentRequests,
            ObjectMapper json,
            Clock clock) {
        this.cases = cases;
        this.sentiment = sentiment;
        this.events = events;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
        this.clock = clock;
    }

    /** A new case from the API; with an idempotency key the same request gives the first answer again. */
    @Transactional
    CaseOpened open(NewCaseRequest request, String principal, String idempotencyKey) {
        if (idempotencyKey == null) {
            return CaseOpened.of(openAndStart(toNewCase(request, principal)));
        }
        String hash = hash(request);
        var earlier = idempotentRequests.find(principal, idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        idempotentRequests.claim(principal, idempotencyKey, hash, clock.instant());
        CaseOpened opened = CaseOpened.of(openAndStart(toNewCase(request, principal)));
        idempotentRequests.complete(principal, idempotencyKey, opened.reference(), write(opened));
        return opened;
    }

    /** Looks up the stored answer after a concurrent request with the same key won the race. */
    @Transactional(readOnly = true)
    CaseOpened replay(NewCaseRequest request, String principal, String idempotencyKey) {
        var earlier = idempotentRequests
                .find(principal, idempotencyKey)
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished"));
        return replay(earlier, hash(request));
    }

    /**
     * A case that an agent opened from Tasklist's start form: the flow is already running, so only the case is
     * stored here; the caller puts the triage input on the flow.
     */
    @Transactional
    public OpenedFromForm openFromStartForm(NewCase newCase) {
        SupportCase stored = cases.open(withSentiment(newCase));
        return new OpenedFromForm(stored, triageInput(stored));
    }

    /**
     * A case from a mail that came into the support mailbox (intake.mail): channel email, a standard customer.
     * The caller has already cut subject and text to the API's limits; the text is stored, never evaluated.
     */
    @Transactional
    public String openFromEmail(String fromAddress, String fromName, String subject, String body) {
        return openAndStart(new NewCase(
                        Channel.EMAIL,
                        fromAddress.trim().toLowerCase(Locale.ROOT),
                        fromName,
                        "standard",
                        subject,
                        body,
                        null,
                        null,
                        List.of(),
                        0.0,
                        "inbound-mail"))
                .reference();
    }

    /** Whether the case exists and has no flow yet, or this one: a flow may take up only its own case. */
    @Transactional(readOnly = true)
    public boolean awaitsItsFlow(String reference, String processInstanceId) {
        return cases.processInstanceOf(reference)
                .map(flow -> flow.isEmpty() || flow.equals(processInstanceId))
                .orElse(false);
    }

    @Transactional
    public void attachProcess(String reference, String processInstanceId) {
        cases.attachProcess(reference, processInstanceId);
    }

    public record OpenedFromForm(SupportCase supportCase, TriageInput triageInput) {}

    private SupportCase openAndStart(NewCase newCase) {
        SupportCase stored = cases.open(withSentiment(newCase));
        events.publishEvent(new CaseReadyForTriage(stored, triageInput(stored)));
        SupportCase triaged = cases.get(stored.reference());
        if (triaged.processInstanceId() == null) {
            // nobody started the flow: roll the case back rather than keep a case nothing works on
            throw new IllegalStateException("No flow took up case " + stored.reference());
        }
        return triaged;
    }

    private NewCase withSentiment(NewCase c) {
        double score = sentiment.score(c.subject() + ". " + c.description());
        return new NewCase(
                c.channel(),
                c.customerEmail(),
                c.customerName(),
                c.customerTier(),
                c.subject(),
                c.description(),
                c.orderId(),
                c.severity(),
                c.tags(),
                score,
                c.openedBy());
    }

    private TriageInput triageInput(SupportCase c) {
        String text = (c.subject() + " " + c.description()).toLowerCase(Locale.ROOT);
        return new TriageInput(text, cases.recentCaseCount(c.customerEmail()));
    }

    private static NewCase toNewCase(NewCaseRequest r, String principal) {
        return new NewCase(
                Channel.fromWire(r.channel()),
                r.customer().email().trim().toLowerCase(Locale.ROOT),
                r.customer().name(),
                r.customer().tier() == null ? "standard" : r.customer().tier(),
                r.subject().strip(),
                r.description(),
                r.orderId(),
                r.severity(),
                r.tags() == null ? List.of() : r.tags(),
                0.0,
                principal);
    }

    private CaseOpened replay(IdempotentRequests.Stored earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new IdempotencyConflictException();
        }
        try {
            return json.readValue(earlier.response(), CaseOpened.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent answer is unreadable", e);
        }
    }

    private String hash(NewCaseRequest request) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
