package io.casedesk.prevention.process;

import io.casedesk.prevention.PreventionTicketStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

@Component
class PreventionTicketStarterAdapter implements PreventionTicketStarter {

    private final RuntimeService runtime;

    PreventionTicketStarterAdapter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(long ticketId, String tag) {
        return runtime.startProcessInstanceByKey(
                        PreventionTicketProcess.KEY,
                        PreventionTicketProcess.businessKey(ticketId),
                        Variables.createVariables()
                                .putValue(PreventionTicketProcess.TICKET_ID, ticketId)
                                .putValue(PreventionTicketProcess.TAG, tag))
                .getId();
    }
}
