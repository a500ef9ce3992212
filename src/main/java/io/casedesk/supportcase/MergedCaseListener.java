package io.casedesk.supportcase;

import io.casedesk.cases.CasesMerged;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the flow of a case merged into another, in the merge's transaction: its open task and its SLA timers go with
 * it, and the flow's history says why. The case it was merged into goes on with its own flow.
 */
@Component
class MergedCaseListener {

    private final RuntimeService runtime;

    MergedCaseListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void endFlow(CasesMerged merged) {
        if (merged.processInstanceId() == null) {
            return;
        }
        boolean running = runtime.createProcessInstanceQuery()
                        .processInstanceId(merged.processInstanceId())
                        .count()
                > 0;
        if (running) {
            runtime.deleteProcessInstance(merged.processInstanceId(), "merged into " + merged.into());
        }
    }
}
