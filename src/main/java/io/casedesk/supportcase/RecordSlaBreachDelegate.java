package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaTarget;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A deadline passed unmet: record it and let the escalation table weigh it (input parameter slaTarget). */
@Component("recordSlaBreach")
class RecordSlaBreachDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    RecordSlaBreachDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        slaClock.breached(caseReference(execution), SlaTarget.fromModel(Vars.SLA_TARGET.getLocal(execution)));
        Vars.SLA_BREACHED.set(execution, true);
        Vars.ESCALATION_TRIGGER.set(execution, "sla_breach");
    }
}
