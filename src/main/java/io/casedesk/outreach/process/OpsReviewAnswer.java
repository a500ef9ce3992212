package io.casedesk.outreach.process;

import static io.casedesk.outreach.process.ProactiveOutreachProcess.*;

import io.casedesk.outreach.InvalidRecipientsException;
import io.casedesk.outreach.OutreachService;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Checks Task_OpsReview's answer when it is completed: a bad one is refused with 400 naming each bad field (the
 * completion is rolled back, the task stays open with nothing lost), before any customer is mailed.
 */
@Component("opsReviewAnswer")
class OpsReviewAnswer implements TaskListener {

    private final OutreachService outreach;

    OpsReviewAnswer(OutreachService outreach) {
        this.outreach = outreach;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String decision = DECISION.get(task);
        if (CONFIRM.equals(decision)) {
            if (isBlank(SUBJECT.get(task))) {
                problems.add("subject: required to confirm (the proactive mail's subject)");
            }
            if (isBlank(MESSAGE.get(task))) {
                problems.add("message: required to confirm (the proactive mail's text)");
            }
            try {
                outreach.extraRecipients(EXTRA_RECIPIENTS.get(task));
            } catch (InvalidRecipientsException e) {
                problems.add(e.getMessage());
            }
        } else if (!DISMISS.equals(decision)) {
            problems.add("decision: must be confirm or dismiss, not " + decision);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(
                    Status.BAD_REQUEST, "Task_OpsReview not completed: " + String.join("; ", problems));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
