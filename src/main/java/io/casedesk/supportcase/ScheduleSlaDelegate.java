package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaDecision;
import io.casedesk.sla.SlaSchedule;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the case's SLA clock with what sla-targets decided, and sets the deadlines and warning times that the SLA
 * timers of the model wait for.
 */
@Component("scheduleSla")
class ScheduleSlaDelegate implements JavaDelegate {

    private static final List<ProcessVariable<?>> DECISION_OUTPUTS = List.of(
            Vars.RESPONSE_DUE, Vars.RESOLUTION_DUE, Vars.SLA_CALENDAR, Vars.SLA_FIRST_WARNING, Vars.SLA_FINAL_WARNING);

    private final SlaClock slaClock;

    ScheduleSlaDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaSchedule schedule = slaClock.start(
                caseReference(execution),
                new SlaDecision(
                        Vars.RESPONSE_DUE.get(execution),
                        Vars.RESOLUTION_DUE.get(execution),
                        Vars.SLA_CALENDAR.get(execution),
                        Vars.SLA_FIRST_WARNING.get(execution),
                        Vars.SLA_FINAL_WARNING.get(execution)));
        Vars.RESPONSE_DUE_AT.set(execution, Date.from(schedule.response().dueAt()));
        Vars.RESOLUTION_DUE_AT.set(execution, Date.from(schedule.resolution().dueAt()));
        Vars.RESPONSE_FIRST_WARNING_AT.set(
                execution, Date.from(schedule.response().firstWarningAt()));
        Vars.RESPONSE_FINAL_WARNING_AT.set(
                execution, Date.from(schedule.response().finalWarningAt()));
        Vars.RESOLUTION_FIRST_WARNING_AT.set(
                execution, Date.from(schedule.resolution().firstWarningAt()));
        Vars.RESOLUTION_FINAL_WARNING_AT.set(
                execution, Date.from(schedule.resolution().finalWarningAt()));
        // what sla-targets decided lives on in the SLA records and the decision's history; as variables it would be
        // two more rows per output (runtime and history) that nothing after this step reads
        DECISION_OUTPUTS.forEach(output -> output.remove(execution));
    }
}
