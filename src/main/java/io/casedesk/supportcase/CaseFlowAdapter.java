package io.casedesk.supportcase;

import io.casedesk.cases.CaseFlow;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
        return correlate(reference, SupportCaseProcess.MESSAGE_CUSTOMER_REPLIED, ProcessVariable.values());
    }

    @Override
    public boolean resolutionAnswered(String reference, boolean fixed) {
        return correlate(reference, fixed ? SupportCaseProcess.MESSAGE_RESOLUTION_CONFIRMED
                : SupportCaseProcess.MESSAGE_RESOLUTION_REJECTED, ProcessVariable.values());
    }

    @Override
    public boolean surveyAnswered(String reference, int score) {
        return correlate(reference, SupportCaseProcess.MESSAGE_SURVEY_ANSWERED,
                ProcessVariable.values().with(Vars.CSAT_SCORE, score));
    }

    @Override
    public void surveyCommented(String reference, String comment) {
        for (var task : tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(SupportCaseProcess.TASK_CSAT_RECOVERY).list()) {
            tasks.setVariablesLocal(task.getId(), ProcessVariable.values().with(Vars.CSAT_COMMENT, comment).asMap());
        }
    }

    private boolean correlate(String reference, String message, ProcessVariable.Values variables) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(reference)
                .setVariables(variables.asMap())
                .correlateAllWithResult()
                .isEmpty();
    }
}
