package io.casedesk.sla.process;

import static io.casedesk.cases.process.SupportCaseProcess.string;

import io.casedesk.cases.process.SupportCaseProcess.Vars;
import io.casedesk.sla.SlaService;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the deadlines that the SLA timers of the model wait for, from what sla-targets decided. */
@Component("scheduleSla")
class ScheduleSlaDelegate implements JavaDelegate {

    private final SlaService sla;
    private final Clock clock;

    ScheduleSlaDelegate(SlaService sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var deadlines = sla.deadlines(clock.instant(), string(execution, Vars.RESPONSE_DUE),
                string(execution, Vars.RESOLUTION_DUE), string(execution, Vars.SLA_CALENDAR));
        execution.setVariable(Vars.RESPONSE_DUE_AT, Date.from(deadlines.responseDueAt()));
        execution.setVariable(Vars.RESOLUTION_DUE_AT, Date.from(deadlines.resolutionDueAt()));
    }
}
