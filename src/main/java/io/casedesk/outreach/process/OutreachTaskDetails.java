package io.casedesk.outreach.process;

import static io.casedesk.outreach.process.ProactiveOutreachProcess.*;

import io.casedesk.outreach.OutreachService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names the outreach's tasks in Tasklist reference first, like a case's ({@code INC-7 · Review · tag
 * delivery-delay}), and gives Task_OpsReview's form the evidence as task-local text (the cases, customers, first and
 * latest, sample messages, the sentiment curve), read when the task is created.
 */
@Component("outreachTaskDetails")
class OutreachTaskDetails implements TaskListener {

    private final OutreachService outreach;

    OutreachTaskDetails(OutreachService outreach) {
        this.outreach = outreach;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean review = TASK_OPS_REVIEW.equals(task.getTaskDefinitionKey());
        task.setName("%s · %s · %s %s"
                .formatted(
                        businessKey(INCIDENT_ID.require(task)),
                        review ? "Review" : "Follow-up",
                        INCIDENT_KIND.get(task),
                        INCIDENT_KEY.get(task)));
        if (review) {
            OutreachService.ReviewSheet sheet = outreach.review(INCIDENT_ID.require(task));
            EVIDENCE_SUMMARY.setLocal(task, sheet.summary());
            EVIDENCE_CASES.setLocal(task, sheet.cases());
            EVIDENCE_SAMPLES.setLocal(task, sheet.samples());
            EVIDENCE_SENTIMENT.setLocal(task, sheet.sentimentCurve());
        }
    }
}
