package io.casedesk.supportcase;

import io.casedesk.cases.SupportCase;
import io.casedesk.supportcase.SupportCaseProcess;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import io.casedesk.intake.CaseProcessStarter;
import io.casedesk.intake.TriageInput;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

@Component
class SupportCaseStarter implements CaseProcessStarter {

    private final RuntimeService runtime;

    SupportCaseStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(SupportCase c, TriageInput input) {
        return runtime.startProcessInstanceByKey(SupportCaseProcess.KEY, c.reference(), triageVariables(c, input))
                .getId();
    }

    /**
     * The customer's text goes to the classification tables as a transient variable: it is used during triage
     * and never stored in the engine's runtime tables.
     */
    static VariableMap triageVariables(SupportCase c, TriageInput input) {
        return Variables.createVariables()
                .putValue(Vars.CASE_REFERENCE, c.reference())
                .putValue(Vars.CHANNEL, c.channel().wire())
                .putValue(Vars.CUSTOMER_TIER, c.customerTier())
                .putValueTyped(Vars.SEVERITY, Variables.stringValue(c.severity()))
                .putValue(Vars.SENTIMENT, c.sentiment())
                .putValue(Vars.RECENT_CASE_COUNT, input.recentCaseCount())
                .putValue(Vars.ESCALATION_TRIGGER, "triage")
                .putValue(Vars.REOPEN_COUNT, 0)
                .putValue(Vars.SLA_BREACHED, false)
                .putValueTyped(Vars.CASE_TEXT, Variables.stringValue(input.caseText(), true));
    }
}
