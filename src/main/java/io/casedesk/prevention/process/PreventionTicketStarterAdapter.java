package io.casedesk.prevention.process;

import io.casedesk.prevention.PreventionTicketStarter;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

@Component
class PreventionTicketStarterAdapter implements PreventionTicketStarter {

    private final RuntimeService runtime;
    private final TaskService tasks;

    PreventionTicketStarterAdapter(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void linkedCasesChanged(String processInstanceId, String linkedCases) {
        for (var task :
                tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
            tasks.setVariableLocal(task.getId(), PreventionTicketProcess.LINKED_CASES, linkedCases);
        }
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
