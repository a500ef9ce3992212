package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets the deadlines and warning times that the SLA timers of the model wait for, from what sla-targets decided,
 * and starts the case's SLA records.
 */
@Component("scheduleSla")
class ScheduleSlaDelegate implements JavaDelegate {

    private final SlaService sla;
    private final SlaClock slaClock;
    private final Clock clock;

    ScheduleSlaDelegate(SlaService sla, SlaClock slaClock, Clock clock) {
        this.sla = sla;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant start = clock.instant();
        String calendar = Vars.SLA_CALENDAR.get(execution);
        Duration response = Duration.parse(Vars.RESPONSE_DUE.get(execution));
        Duration resolution = Duration.parse(Vars.RESOLUTION_DUE.get(execution));
        double first = fraction(Vars.SLA_FIRST_WARNING.get(execution), 0.75);
        double last = fraction(Vars.SLA_FINAL_WARNING.get(execution), 0.9);
        Instant responseDue = sla.dueAt(start, response, calendar);
        Instant resolutionDue = sla.dueAt(start, resolution, calendar);
        Vars.RESPONSE_DUE_AT.set(execution, Date.from(responseDue));
        Vars.RESOLUTION_DUE_AT.set(execution, Date.from(resolutionDue));
        Vars.RESPONSE_FIRST_WARNING_AT.set(execution, warning(start, response, first, calendar));
        Vars.RESPONSE_FINAL_WARNING_AT.set(execution, warning(start, response, last, calendar));
        Vars.RESOLUTION_FIRST_WARNING_AT.set(execution, warning(start, resolution, first, calendar));
        Vars.RESOLUTION_FINAL_WARNING_AT.set(execution, warning(start, resolution, last, calendar));
        slaClock.start(caseReference(execution), start, calendar, response, responseDue, resolution, resolutionDue);
    }

    private Date warning(Instant start, Duration target, double fraction, String calendar) {
        return Date.from(sla.dueAt(start, Duration.ofMillis(Math.round(target.toMillis() * fraction)), calendar));
    }

    private static double fraction(Double value, double fallback) {
        return value == null || value <= 0 || value >= 1 ? fallback : value;
    }
}
