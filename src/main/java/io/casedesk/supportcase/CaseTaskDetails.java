package io.casedesk.supportcase;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseTaskView;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts what an agent needs to see on the task as task-local variables, for the form to display. They live
 * only as long as the task, so the customer's details are not copied into the process. The previous agent
 * answer is cleared, so every task starts with an empty form and no stale reply can be sent again.
 */
@Component("caseTaskDetails")
class CaseTaskDetails implements TaskListener {

    private final CaseService cases;

    CaseTaskDetails(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        AgentAnswer.clear(task.getExecution().getProcessInstance());
        CaseTaskView view = cases.taskView(SupportCaseProcess.caseReference(task));
        Vars.CUSTOMER_NAME.setLocal(task, view.customerName());
        Vars.CUSTOMER_EMAIL.setLocal(task, view.customerEmail());
        // the form shows these too; as task-local copies, a form that sends them back changes only the copy
        Vars.CUSTOMER_TIER.setLocal(task, view.customerTier());
        Vars.PRIORITY.setLocal(task, view.priority());
        Vars.CATEGORY.setLocal(task, view.category());
        Vars.SUBJECT.setLocal(task, view.subject());
        Vars.DESCRIPTION.setLocal(task, view.description());
        Vars.ORDER_ID.setLocal(task, view.orderId());
        Vars.SENTIMENT_TEXT.setLocal(task, view.sentimentText());
        Vars.RESPONSE_DUE_TEXT.setLocal(task, view.responseDueText());
        Vars.RESOLUTION_DUE_TEXT.setLocal(task, view.resolutionDueText());
        Vars.RECENT_CASES_TEXT.setLocal(task, view.recentCasesText());
        Vars.TIMELINE_TEXT.setLocal(task, view.timelineText());
        Vars.ESCALATION_REASON.setLocal(task, view.escalationReason());
        Vars.CSAT_COMMENT.setLocal(task, view.csatComment());
        task.setPriority(view.taskPriority());
        if (view.dueAt() != null) {
            task.setDueDate(Date.from(view.dueAt()));
        }
        if (view.followUpAt() != null) {
            task.setFollowUpDate(Date.from(view.followUpAt()));
        }
    }
}
