package io.casedesk.prevention.process;

import io.casedesk.prevention.PreventionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the knowledge team which cases the gap affected (reference and subject); PreventionService keeps it current. */
@Component("preventionTaskDetails")
class PreventionTaskDetails implements TaskListener {

    private final PreventionService prevention;

    PreventionTaskDetails(PreventionService prevention) {
        this.prevention = prevention;
    }

    @Override
    public void notify(DelegateTask task) {
        long ticketId = ((Number) task.getVariable(PreventionTicketProcess.TICKET_ID)).longValue();
        task.setVariableLocal(PreventionTicketProcess.LINKED_CASES, prevention.linkedCaseLines(ticketId));
    }
}
