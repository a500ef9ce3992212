package io.casedesk.prevention.process;

import io.casedesk.prevention.PreventionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names the ticket's task in Tasklist like a case's task, reference first ({@code PREV-7 · Prevention ·
 * delivery-delay}: a ticket is per tag, so the tag stands where a case has its subject), and shows the knowledge team
 * which cases the gap affected (reference and subject); PreventionService keeps that list current.
 */
@Component("preventionTaskDetails")
class PreventionTaskDetails implements TaskListener {

    private final PreventionService prevention;

    PreventionTaskDetails(PreventionService prevention) {
        this.prevention = prevention;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setName(task.getExecution().getProcessBusinessKey() + " · Prevention · "
                + task.getVariable(PreventionTicketProcess.TAG));
        long ticketId = ((Number) task.getVariable(PreventionTicketProcess.TICKET_ID)).longValue();
        task.setVariableLocal(PreventionTicketProcess.LINKED_CASES, prevention.linkedCaseLines(ticketId));
    }
}
