package io.casedesk.outreach.process;

import static io.casedesk.outreach.process.ProactiveOutreachProcess.*;

import io.casedesk.outreach.OutreachProperties;
import io.casedesk.trends.IncidentDetected;
import java.util.Locale;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a proactive outreach for each incident trends detects, in the detecting transaction: an incident is never
 * stored without its review task, nor reviewed twice. Business key = INC-{id}.
 */
@Component
class OutreachStarter {

    private final RuntimeService runtime;
    private final OutreachProperties settings;

    OutreachStarter(RuntimeService runtime, OutreachProperties settings) {
        this.runtime = runtime;
        this.settings = settings;
    }

    @EventListener
    void onDetected(IncidentDetected detected) {
        var variables = Variables.createVariables();
        variables.put(INCIDENT_ID.name(), INCIDENT_ID.typed(detected.incidentId()));
        variables.put(
                INCIDENT_KIND.name(), INCIDENT_KIND.typed(detected.kind().name().toLowerCase(Locale.ROOT)));
        variables.put(INCIDENT_KEY.name(), INCIDENT_KEY.typed(detected.key()));
        variables.put(DELIVERY_WORKERS.name(), DELIVERY_WORKERS.typed((long) settings.deliveryWorkers()));
        variables.put(JOB_PRIORITY.name(), JOB_PRIORITY.typed(settings.jobPriority()));
        runtime.startProcessInstanceByKey(KEY, businessKey(detected.incidentId()), variables);
    }
}
