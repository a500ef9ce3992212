package io.casedesk.sla.process;

import static io.casedesk.cases.process.SupportCaseProcess.caseReference;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseService.SlaTarget;
import io.casedesk.cases.process.SupportCaseProcess.Vars;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A deadline passed unmet: record it and let the escalation table weigh it (input parameter slaTarget). */
@Component("recordSlaBreach")
class RecordSlaBreachDelegate implements JavaDelegate {

    private final CaseService cases;

    RecordSlaBreachDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var target = SlaTarget.valueOf(((String) execution.getVariableLocal(Vars.SLA_TARGET)).toUpperCase(Locale.ROOT));
        cases.recordSlaBreach(caseReference(execution), target);
        execution.setVariable(Vars.SLA_BREACHED, true);
        execution.setVariable(Vars.ESCALATION_TRIGGER, "sla_breach");
    }
}
