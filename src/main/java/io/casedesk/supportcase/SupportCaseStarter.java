package io.casedesk.supportcase;

import io.casedesk.cases.SupportCase;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import io.casedesk.intake.CaseProcessStarter;
import io.casedesk.intake.TriageInput;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

@Component
class SupportCaseStarter implements CaseProcessStarter {

    private final RuntimeService runtime;

    SupportCaseStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(SupportCase c, TriageInput input) {
        return runtime.startProcessInstanceByKey(SupportCaseProcess.KEY, c.reference(),
                triageVariables(c, input).asMap()).getId();
    }

    /**
     * The customer's text goes to the classification tables as a transient variable: it is used during triage
     * and never stored in the engine's runtime tables.
     */
    static ProcessVariable.Values triageVariables(SupportCase c, TriageInput input) {
        return ProcessVariable.values()
                .with(Vars.CASE_REFERENCE, c.reference())
                .with(Vars.CHANNEL, c.channel().wire())
                .with(Vars.CUSTOMER_TIER, c.customerTier())
                .with(Vars.SEVERITY, c.severity())
                .with(Vars.SENTIMENT, c.sentiment())
                .with(Vars.RECENT_CASE_COUNT, input.recentCaseCount())
                .with(Vars.ESCALATION_TRIGGER, "triage")
                .with(Vars.REOPEN_COUNT, 0)
                .with(Vars.SLA_BREACHED, false)
                .withTransient(Vars.CASE_TEXT, input.caseText());
    }
}
