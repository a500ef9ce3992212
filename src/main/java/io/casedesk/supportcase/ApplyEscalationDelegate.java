package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.cases.CaseService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Moves the case to the group the escalation table chose. */
@Component("applyEscalation")
class ApplyEscalationDelegate implements JavaDelegate {

    private final CaseService cases;

    ApplyEscalationDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String group = Vars.ESCALATION_GROUP.get(execution);
        int level = Vars.ESCALATION_LEVEL.getOrDefault(execution, 0) + 1;
        cases.recordEscalation(
                caseReference(execution),
                group,
                level,
                Vars.ESCALATION_TRIGGER.get(execution),
                Vars.NOTIFY_MANAGER.getOrDefault(execution, false));
        Vars.ESCALATION_LEVEL.set(execution, level);
        Vars.CURRENT_GROUP.set(execution, group);
        Vars.SLA_ESCALATION_PENDING.set(execution, false);
    }
}
