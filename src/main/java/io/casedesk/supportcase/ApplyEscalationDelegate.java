package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.*;

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
        String group = string(execution, Vars.ESCALATION_GROUP);
        int level = integer(execution, Vars.ESCALATION_LEVEL) + 1;
        cases.recordEscalation(caseReference(execution), group, level, string(execution, Vars.ESCALATION_TRIGGER),
                flag(execution, Vars.NOTIFY_MANAGER));
        execution.setVariable(Vars.ESCALATION_LEVEL, level);
        execution.setVariable(Vars.CURRENT_GROUP, group);
        execution.setVariable(Vars.SLA_ESCALATION_PENDING, false);
    }
}
