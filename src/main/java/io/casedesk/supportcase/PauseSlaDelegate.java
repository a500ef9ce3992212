package io.casedesk.supportcase;

import io.casedesk.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The case now waits on the customer: the SLA clock stops. */
@Component("pauseSla")
class PauseSlaDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    PauseSlaDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        slaClock.pause(SupportCaseProcess.caseReference(execution));
    }
}
