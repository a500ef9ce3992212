package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaTarget;
import io.casedesk.sla.SlaWarning;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A warning time before a deadline came (input parameters slaTarget and warningStage). The SLA clock decides whether
 * the target is still at risk and by how much the case's open tasks move up Tasklist's lists; this moves them. The
 * model then asks the notification policy whether to tell the managers.
 */
@Component("recordSlaWarning")
class RecordSlaWarningDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    RecordSlaWarningDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String stage = Vars.WARNING_STAGE.getLocal(execution);
        SlaWarning warning = slaClock.warn(
                caseReference(execution),
                SlaTarget.fromModel(Vars.SLA_TARGET.getLocal(execution)),
                SlaWarning.Stage.fromModel(stage),
                Vars.RESPONDED.getOrDefault(execution, false),
                Vars.RESOLVED.getOrDefault(execution, false));
        Vars.SLA_WARNING_ISSUED.set(execution, warning.issued());
        Vars.SLA_WARNING_STAGE.set(execution, stage);
        if (warning.issued()) {
            var tasks = execution.getProcessEngineServices().getTaskService();
            for (var task : tasks.createTaskQuery()
                    .processInstanceId(execution.getProcessInstanceId())
                    .list()) {
                tasks.setPriority(task.getId(), warning.raised(task.getPriority()));
            }
        }
    }
}
