package io.casedesk.cases;

import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message from the customer (API, later inbound mail): always on the timeline; it resumes a case that waits
 * on the customer, and on a resolved case it means "still broken".
 */
@Service
@Transactional
public class CustomerMessages {

    public enum Effect {
        RESUMED, REOPENED, RECORDED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CaseService cases;
    private final CaseFlow flow;

    CustomerMessages(CaseService cases, CaseFlow flow) {
        this.cases = cases;
        this.flow = flow;
    }

    public Effect receive(String reference, String body) {
        SupportCase c = cases.get(reference);
        cases.recordCustomerMessage(reference, body);
        if (c.status() == CaseStatus.WAITING_ON_CUSTOMER && flow.customerReplied(reference)) {
            cases.markInProgress(reference);
            return Effect.RESUMED;
        }
        if (c.status() == CaseStatus.RESOLVED && flow.resolutionAnswered(reference, false)) {
            return Effect.REOPENED;
        }
        return Effect.RECORDED;
    }
}
