package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the case to the group the escalation table chose. */
@Component("applyEscalation")
class ApplyEscalationDelegate implements JavaDelegate {

    private final CaseWork work;

    ApplyEscalationDelegate(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = Vars.ESCALATION_GROUP.get(execution);
        int level = work.escalated(
                caseReference(execution),
                group,
                Vars.ESCALATION_LEVEL.getOrDefault(execution, 0),
                Vars.ESCALATION_TRIGGER.get(execution),
                Vars.NOTIFY_MANAGER.getOrDefault(execution, false));
        Vars.ESCALATION_LEVEL.set(execution, level);
        Vars.CURRENT_GROUP.set(execution, group);
        Vars.SLA_ESCALATION_PENDING.set(execution, false);
    }
}
