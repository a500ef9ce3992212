package io.casedesk.supportcase;

import io.casedesk.cases.SupportCase;
import io.casedesk.intake.CaseReadyForTriage;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TriageInput;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the support-case flow for a case intake stored, in intake's transaction; the flow triages the case before
 * the start returns, and the case learns its process instance.
 */
@Component
class SupportCaseStarter {

    private final RuntimeService runtime;
    private final IntakeService intake;

    SupportCaseStarter(RuntimeService runtime, IntakeService intake) {
        this.runtime = runtime;
        this.intake = intake;
    }

    @EventListener
    void start(CaseReadyForTriage ready) {
        SupportCase c = ready.supportCase();
        String processInstanceId = runtime.startProcessInstanceByKey(
                        SupportCaseProcess.KEY,
                        c.reference(),
                        triageVariables(c, ready.triageInput()).asMap())
                .getId();
        intake.attachProcess(c.reference(), processInstanceId);
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
                .with(Vars.SENTIMENT_DROP, 0.0)
                .with(Vars.SLA_BREACHED, false)
                .withTransient(Vars.CASE_TEXT, input.caseText());
    }
}
