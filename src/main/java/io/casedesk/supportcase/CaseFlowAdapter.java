package io.casedesk.supportcase;

import io.casedesk.cases.CaseFlow;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

@Component
class CaseFlowAdapter implements CaseFlow {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CaseFlowAdapter(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public boolean customerReplied(String reference) {
        return correlate(reference, SupportCaseProcess.MESSAGE_CUSTOMER_REPLIED, Variables.createVariables());
    }

    @Override
    public boolean resolutionAnswered(String reference, boolean fixed) {
        return correlate(reference, fixed ? SupportCaseProcess.MESSAGE_RESOLUTION_CONFIRMED
                : SupportCaseProcess.MESSAGE_RESOLUTION_REJECTED, Variables.createVariables());
    }

    @Override
    public boolean surveyAnswered(String reference, int score) {
        return correlate(reference, SupportCaseProcess.MESSAGE_SURVEY_ANSWERED,
                Variables.createVariables().putValue(Vars.CSAT_SCORE, score));
    }

    @Override
    public void surveyCommented(String reference, String comment) {
        for (var task : tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(SupportCaseProcess.TASK_CSAT_RECOVERY).list()) {
            tasks.setVariableLocal(task.getId(), Vars.CSAT_COMMENT, comment);
        }
    }

    private boolean correlate(String reference, String message, java.util.Map<String, Object> variables) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(reference)
                .setVariables(variables)
                .correlateAllWithResult()
                .isEmpty();
    }
}
