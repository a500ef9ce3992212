package io.casedesk.sla.process;

import static io.casedesk.cases.process.SupportCaseProcess.caseReference;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseService.SlaTarget;
import io.casedesk.cases.process.SupportCaseProcess.Vars;
import io.casedesk.sla.SlaClock;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A deadline passed unmet: record it and let the escalation table weigh it (input parameter slaTarget). */
@Component("recordSlaBreach")
class RecordSlaBreachDelegate implements JavaDelegate {

    private final CaseService cases;
    private final SlaClock slaClock;

    RecordSlaBreachDelegate(CaseService cases, SlaClock slaClock) {
        this.cases = cases;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var target = SlaTarget.valueOf(((String) execution.getVariableLocal(Vars.SLA_TARGET)).toUpperCase(Locale.ROOT));
        cases.recordSlaBreach(caseReference(execution), target);
        slaClock.breached(caseReference(execution), io.casedesk.sla.SlaTarget.valueOf(target.name()));
        execution.setVariable(Vars.SLA_BREACHED, true);
        execution.setVariable(Vars.ESCALATION_TRIGGER, "sla_breach");
    }
}
