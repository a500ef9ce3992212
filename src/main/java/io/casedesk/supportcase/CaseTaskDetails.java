package io.casedesk.supportcase;

import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int RECENT_CASES_SHOWN = 5;

    private final CaseService cases;

    CaseTaskDetails(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        AgentAnswer.clear(task.getExecution().getProcessInstance());
        SupportCase c = cases.get(SupportCaseProcess.caseReference(task));
        List<CaseEvent> timeline = cases.timeline(c.reference());
        Vars.CUSTOMER_NAME.setLocal(task, c.customerName());
        Vars.CUSTOMER_EMAIL.setLocal(task, c.customerEmail());
        // the form shows these too; as task-local copies, a form that sends them back changes only the copy
        Vars.CUSTOMER_TIER.setLocal(task, c.customerTier());
        Vars.PRIORITY.setLocal(task, c.priority());
        Vars.CATEGORY.setLocal(task, c.category());
        Vars.SUBJECT.setLocal(task, c.subject());
        Vars.DESCRIPTION.setLocal(task, c.description());
        Vars.ORDER_ID.setLocal(task, c.orderId());
        Vars.SENTIMENT_TEXT.setLocal(task, "%.2f (%s)".formatted(c.sentiment(), mood(c.sentiment())));
        Vars.RESPONSE_DUE_TEXT.setLocal(task, when(c.responseDueAt()));
        Vars.RESOLUTION_DUE_TEXT.setLocal(task, when(c.resolutionDueAt()));
        Vars.RECENT_CASES_TEXT.setLocal(task, cases.recentCasesOf(c, RECENT_CASES_SHOWN).stream()
                .map(r -> "%s  %s  %s  %s".formatted(r.reference(), WHEN.format(r.createdAt()), r.status().wire(),
                        r.subject()))
                .collect(Collectors.joining("\n")));
        Vars.TIMELINE_TEXT.setLocal(task, timeline.stream()
                .map(e -> WHEN.format(e.at()) + "  " + e.type() + "  " + (e.detail() == null ? "" : e.detail()))
                .collect(Collectors.joining("\n")));
        Vars.ESCALATION_REASON.setLocal(task, timeline.stream().filter(e -> "escalated".equals(e.type()))
                .reduce((a, b) -> b).map(CaseEvent::detail).orElse(""));
        Vars.CSAT_COMMENT.setLocal(task, c.csatComment());
        task.setPriority(switch (c.priority() == null ? "P3" : c.priority()) {
            case "P1" -> 100;
            case "P2" -> 75;
            default -> 50;
        });
        if (c.resolutionDueAt() != null) {
            task.setDueDate(java.util.Date.from(c.resolutionDueAt()));
        }
        // "Breaching soon" lists tasks by follow-up date: the next deadline still open, so by time left
        Instant next = c.firstResponseAt() == null ? c.responseDueAt() : c.resolutionDueAt();
        if (next != null) {
            task.setFollowUpDate(java.util.Date.from(next));
        }
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static String mood(double sentiment) {
        if (sentiment <= -0.05) {
            return "negative";
        }
        return sentiment >= 0.05 ? "positive" : "neutral";
    }

}
