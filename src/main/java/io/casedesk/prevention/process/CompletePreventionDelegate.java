package io.casedesk.prevention.process;

import io.casedesk.prevention.PreventionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("completePrevention")
class CompletePreventionDelegate implements JavaDelegate {

    private final PreventionService prevention;

    CompletePreventionDelegate(PreventionService prevention) {
        this.prevention = prevention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        prevention.complete(
                ((Number) execution.getVariable(PreventionTicketProcess.TICKET_ID)).longValue(),
                (String) execution.getVariable(PreventionTicketProcess.ACTION),
                (String) execution.getVariable(PreventionTicketProcess.NOTE));
    }
}
