package io.casedesk.prevention.process;

import static org.mockito.Mockito.mock;

import io.casedesk.prevention.PreventionService;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The engine glue of prevention-ticket (its listener, delegate and starter), built by their constructors on a
 * mocked prevention service. The one place that knows the constructors.
 */
final class PreventionTicketGlue {

    final PreventionService prevention = mock(PreventionService.class);

    Map<String, Object> beans() {
        return Map.of(
                "preventionTaskDetails",
                new PreventionTaskDetails(prevention),
                "completePrevention",
                new CompletePreventionDelegate(prevention));
    }

    PreventionTicketStarterAdapter starter(ProcessEngine engine) {
        return new PreventionTicketStarterAdapter(engine.getRuntimeService(), engine.getTaskService());
    }
}
