package io.casedesk.supportcase;

import io.casedesk.sla.SlaClock;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The wait on the customer is over: the SLA clock resumes with the time it had left, and every pending SLA timer
 * (warnings and breaches) moves by the pause, so Cockpit shows the new due dates and nothing fires at once.
 */
@Component("resumeSla")
class ResumeSlaDelegate implements JavaDelegate {

    private final SlaClock slaClock;
    private final ManagementService management;

    ResumeSlaDelegate(SlaClock slaClock, ManagementService management) {
        this.slaClock = slaClock;
        this.management = management;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaClock.Resumed resumed = slaClock.resume(SupportCaseProcess.caseReference(execution));
        for (String activity : SupportCaseProcess.SLA_TIMERS) {
            for (Job timer : management
                    .createJobQuery()
                    .processInstanceId(execution.getProcessInstanceId())
                    .activityId(activity)
                    .timers()
                    .list()) {
                management.setJobDuedate(
                        timer.getId(),
                        Date.from(slaClock.shifted(timer.getDuedate().toInstant(), resumed)));
            }
        }
        Vars.RESPONSE_DUE_AT.set(execution, Date.from(resumed.responseDueAt()));
        Vars.RESOLUTION_DUE_AT.set(execution, Date.from(resumed.resolutionDueAt()));
    }
}
