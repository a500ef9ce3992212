package io.casedesk.cases;

import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message from the customer (API, later inbound mail): always on the timeline; it resumes a case that waits
 * on the customer, and on a resolved case it means "still broken".
 * <p>
 * The case's flow learns of it from an event (CustomerMessageReceived, ResolutionAnswered), published synchronously
 * in this transaction. Its listener throws {@link AnswerNotAwaitedException} when the flow was not waiting for the
 * answer, so the message is then only recorded, and {@link CustomerMessageRecorded} tells an open task to show it.
 * A message to a merged case goes to the case it was merged into.
 */
@Service
@Transactional
public class CustomerMessages {

    public enum Effect {
        RESUMED,
        REOPENED,
        RECORDED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Merges chain only as far as merging allows (never into a merged case); the bound guards bad data. */
    private static final int MAX_MERGE_HOPS = 10;

    private final CaseService cases;
    private final ApplicationEventPublisher events;

    CustomerMessages(CaseService cases, ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    public Effect receive(String to, String body) {
        SupportCase c = continuing(cases.get(to));
        String reference = c.reference();
        cases.recordCustomerMessage(reference, body);
        if (c.status() == CaseStatus.WAITING_ON_CUSTOMER
                && AnswerNotAwaitedException.takenUp(events, new CustomerMessageReceived(reference))) {
            cases.markInProgress(reference);
            return Effect.RESUMED;
        }
        if (c.status() == CaseStatus.RESOLVED
                && AnswerNotAwaitedException.takenUp(events, new ResolutionAnswered(reference, false))) {
            return Effect.REOPENED;
        }
        events.publishEvent(new CustomerMessageRecorded(reference));
        return Effect.RECORDED;
    }

    /**
     * The case a message is for: a merged case lives on in the case it was merged into (the customer may still answer
     * its old mails), which may itself have been merged since.
     */
    private SupportCase continuing(SupportCase c) {
        SupportCase current = c;
        for (int hop = 0;
                hop < MAX_MERGE_HOPS && current.status() == CaseStatus.MERGED && current.mergedInto() != null;
                hop++) {
            current = cases.get(current.mergedInto());
        }
        return current;
    }
}
