package io.casedesk.supportcase;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Raises the flag that the conditional boundary event on Task_Troubleshoot watches: the breach path runs beside
 * the agent's task, and this is how it pulls the case out of first-level work into escalation.
 */
@Component("requestSlaEscalation")
class RequestSlaEscalationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Vars.SLA_ESCALATION_PENDING.set(execution, true);
    }
}
