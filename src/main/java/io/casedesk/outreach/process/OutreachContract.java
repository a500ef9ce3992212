package io.casedesk.outreach.process;

import static io.casedesk.outreach.process.ProactiveOutreachProcess.*;

import io.casedesk.security.process.ModelContract;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What ops may send into the proactive-outreach flow (its tasks' answers), and which of its data are customers'. */
@Component
class OutreachContract implements ModelContract {

    @Override
    public Map<String, Set<String>> taskAnswers() {
        return Map.of(
                TASK_OPS_REVIEW,
                Set.of(DECISION.name(), SUBJECT.name(), MESSAGE.name(), EXTRA_RECIPIENTS.name(), REASON.name()),
                TASK_INCIDENT_FOLLOW_UP,
                Set.of(MESSAGE.name()));
    }

    /** The evidence shows customers' addresses, subjects and words; extra recipients are addresses. */
    @Override
    public Set<String> personalVariables() {
        return Set.of(
                EVIDENCE_SUMMARY.name(),
                EVIDENCE_CASES.name(),
                EVIDENCE_SAMPLES.name(),
                EVIDENCE_SENTIMENT.name(),
                EXTRA_RECIPIENTS.name());
    }
}
