package io.casedesk.supportcase;

import io.casedesk.cases.CustomerSentimentChanged;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the flow's sentimentDrop current with every customer message, so each later evaluation of the escalation
 * table (an agent's escalation, a reopen, an SLA breach) weighs a sharp drop in the customer's mood. A case whose flow
 * has ended has nothing to update.
 */
@Component
class SentimentDropListener {

    private final RuntimeService runtime;

    SentimentDropListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void customerSentimentChanged(CustomerSentimentChanged changed) {
        var flow = runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupportCaseProcess.KEY)
                .processInstanceBusinessKey(changed.reference())
                .active()
                .list();
        for (var instance : flow) {
            runtime.setVariable(instance.getId(), Vars.SENTIMENT_DROP.name(), changed.sentimentDrop());
        }
    }
}
