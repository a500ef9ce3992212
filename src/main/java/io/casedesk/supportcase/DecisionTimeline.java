package io.casedesk.supportcase;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Writes every decision a support case's flow evaluates onto its timeline, with the table, its version and the
 * rule that fired: the history event carries the matched rule ids, which the decision result itself does not.
 * Runs inside the engine's command, so the line commits or rolls back with the decision. The Camunda starter
 * registers every HistoryEventHandler bean beside the default database handler.
 */
@Component
class DecisionTimeline implements HistoryEventHandler {

    private final CaseService cases;

    DecisionTimeline(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            // our tables have no required decisions; the root is the table the model called
            record(evaluation.getRootHistoricDecisionInstance());
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void record(HistoricDecisionInstanceEntity decision) {
        if (!SupportCaseProcess.KEY.equals(decision.getProcessDefinitionKey())
                || decision.getProcessInstanceId() == null) {
            return;
        }
        String reference = businessKeyOf(decision.getProcessInstanceId());
        if (reference == null) {
            return;
        }
        List<HistoricDecisionOutputInstance> outputs = decision.getOutputs();
        String rules = outputs.stream()
                .map(HistoricDecisionOutputInstance::getRuleId)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(", "));
        String values = outputs.stream()
                .map(o -> o.getVariableName() + "=" + o.getValue())
                .collect(Collectors.joining(", "));
        cases.recordEvent(
                reference,
                CaseEventType.DECISION,
                "%s v%s rule %s: %s"
                        .formatted(
                                decision.getDecisionDefinitionKey(),
                                version(decision.getDecisionDefinitionId()),
                                rules.isEmpty() ? "(none matched)" : rules,
                                values));
    }

    /** The flow's execution is in the command's cache: the business key is set, even before the first flush. */
    private static String businessKeyOf(String processInstanceId) {
        ExecutionEntity instance =
                Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return instance == null ? null : instance.getBusinessKey();
    }

    /** Decision definition ids read key:version:uuid. */
    private static String version(String decisionDefinitionId) {
        String[] parts = decisionDefinitionId == null ? new String[0] : decisionDefinitionId.split(":");
        return parts.length >= 2 ? parts[1] : "?";
    }
}
