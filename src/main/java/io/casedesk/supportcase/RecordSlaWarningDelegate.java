package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.cases.CaseService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import io.casedesk.sla.SlaTarget;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A warning time before a deadline came (input parameters slaTarget and warningStage). If the target is still
 * open, the warning goes on the timeline and the case's open task is pushed up Tasklist's lists; the model then
 * tells the manager at the final stage.
 */
@Component("recordSlaWarning")
class RecordSlaWarningDelegate implements JavaDelegate {

    private final CaseService cases;

    RecordSlaWarningDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var target = SlaTarget.fromModel(Vars.SLA_TARGET.getLocal(execution));
        String stage = Vars.WARNING_STAGE.getLocal(execution);
        boolean met = (target == SlaTarget.RESPONSE ? Vars.RESPONDED : Vars.RESOLVED).getOrDefault(execution, false);
        Vars.SLA_WARNING_ISSUED.set(execution, !met);
        if (met) {
            return;
        }
        var supportCase = cases.get(caseReference(execution));
        cases.recordEvent(supportCase.reference(), "sla-warning", "%s target at risk (%s warning); due %s".formatted(
                target == SlaTarget.RESPONSE ? "First-response" : "Resolution", stage,
                target == SlaTarget.RESPONSE ? supportCase.responseDueAt() : supportCase.resolutionDueAt()));
        var tasks = execution.getProcessEngineServices().getTaskService();
        for (var task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            tasks.setPriority(task.getId(), Math.min(100, task.getPriority() + ("final".equals(stage) ? 20 : 10)));
        }
    }
}
