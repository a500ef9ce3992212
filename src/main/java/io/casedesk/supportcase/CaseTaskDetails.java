package io.casedesk.supportcase;

import io.casedesk.assist.AgentAssist;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseTaskView;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Names a case's task by reference, priority and subject, ranks it (P1 and VIP first) and dates it (follow-up = the
 * next deadline, due = resolution), and puts what an agent needs to see on it as task-local variables, for the form
 * and Tasklist's cards. They live only as long as the task, so the customer's details are not copied into the
 * process. The previous agent answer is cleared, so every task starts with an empty form and no stale reply can be
 * sent again. A phone case's first task goes to the agent who opened it.
 */
@Component("caseTaskDetails")
class CaseTaskDetails implements TaskListener {

    private final CaseService cases;
    private final AgentAssist assist;

    CaseTaskDetails(CaseService cases, AgentAssist assist) {
        this.cases = cases;
        this.assist = assist;
    }

    @Override
    public void notify(DelegateTask task) {
        AgentAnswer.clear(task.getExecution().getProcessInstance());
        CaseTaskView view = cases.taskView(SupportCaseProcess.caseReference(task));
        shown(view, ClockUtil.getCurrentTime().toInstant()).setLocalOn(task);
        assisted(assist.forTask(view.caseReference())).setLocalOn(task);
        task.setName(view.taskName());
        task.setPriority(view.taskPriority());
        if (view.dueAt() != null) {
            task.setDueDate(Date.from(view.dueAt()));
        }
        if (view.followUpAt() != null) {
            task.setFollowUpDate(Date.from(view.followUpAt()));
        }
        giveToPhoneAgent(task);
    }

    /**
     * The agent on the phone who opened the case from the start form works it: its first task is hers when she is
     * in the group it is routed to; otherwise the case says why it waits in that group's list.
     */
    private void giveToPhoneAgent(DelegateTask task) {
        if (!SupportCaseProcess.TASK_TROUBLESHOOT.equals(task.getTaskDefinitionKey())) {
            return;
        }
        String agent = Vars.PHONE_AGENT.get(task);
        if (agent == null) {
            return;
        }
        Vars.PHONE_AGENT.remove(task.getExecution().getProcessInstance());
        List<String> groups = task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .toList();
        var identity = task.getProcessEngineServices().getIdentityService();
        // the agent may not read group memberships herself; the engine answers for her
        boolean member = groups.stream()
                .anyMatch(group -> Context.getCommandContext()
                                .runWithoutAuthorization(() -> identity.createUserQuery()
                                        .userId(agent)
                                        .memberOfGroup(group)
                                        .count())
                        > 0);
        String reference = SupportCaseProcess.caseReference(task);
        if (member) {
            task.setAssignee(agent);
            cases.recordEvent(reference, CaseEventType.ASSIGNED, "Given to " + agent + ", who opened it on the phone");
        } else {
            cases.recordEvent(
                    reference,
                    CaseEventType.ASSIGNED,
                    "Opened on the phone by %s, who is not in %s: it waits in %s's list"
                            .formatted(agent, String.join(", ", groups), String.join(", ", groups)));
        }
    }

    /** The assist beside the reply field: similar resolved cases and a suggested reply. */
    static ProcessVariable.Values assisted(AgentAssist.TaskAssist assist) {
        return ProcessVariable.values()
                .with(Vars.SIMILAR_CASES_TEXT, assist.similarCasesText())
                .with(Vars.SUGGESTED_REPLY, assist.suggestedReply());
    }

    /**
     * What a task shows of its case, as task-local values: at creation, and again whenever the customer writes while
     * it is open. The form shows the customer's tier, the priority and the category too; as task-local copies, a form
     * that sends them back changes only the copy.
     */
    static ProcessVariable.Values shown(CaseTaskView view, Instant now) {
        return ProcessVariable.values()
                .with(Vars.SHOWN_REFERENCE, view.caseReference())
                .with(Vars.CHANNEL, view.channel())
                .with(Vars.CUSTOMER_NAME, view.customerName())
                .with(Vars.CUSTOMER_EMAIL, view.customerEmail())
                .with(Vars.CUSTOMER_TIER, view.customerTier())
                .with(Vars.PRIORITY, view.priority())
                .with(Vars.CATEGORY, view.category())
                .with(Vars.SUBJECT, view.subject())
                .with(Vars.DESCRIPTION, view.description())
                .with(Vars.ORDER_ID, view.orderId())
                .with(Vars.SENTIMENT_TEXT, view.sentimentText())
                .with(Vars.WORST_SENTIMENT_TEXT, view.worstSentimentText())
                .with(Vars.CONVERSATION_TEXT, view.conversationText())
                .with(Vars.NEXT_DEADLINE_TEXT, view.nextDeadlineText())
                .with(Vars.BREACHING_SOON, view.breachingSoon(now))
                .with(Vars.RESPONSE_DUE_TEXT, view.responseDueText())
                .with(Vars.RESOLUTION_DUE_TEXT, view.resolutionDueText())
                .with(Vars.RECENT_CASES_TEXT, view.recentCasesText())
                .with(Vars.TIMELINE_TEXT, view.timelineText())
                .with(Vars.ESCALATION_REASON, view.escalationReason())
                .with(Vars.CSAT_COMMENT, view.csatComment())
                .with(Vars.POSSIBLE_DUPLICATE_TEXT, view.possibleDuplicateText())
                .with(Vars.AUTOMATIC_ANSWER_TEXT, view.automaticAnswerText());
    }
}
