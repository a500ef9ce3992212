package io.casedesk.supportcase;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the manager-notification table whether, whom and how urgently a notice tells. It is evaluated inside the
 * flow's step, like a business rule task: the engine links the evaluation to the case's process instance, so
 * DecisionTimeline writes table, version and rule on the timeline, and no user's rights on the table are needed
 * (the step may run in an agent's request). The latest deployed version decides, as for the other tables.
 */
@Component
class NotificationPolicy {

    static final String DECISION_KEY = "manager-notification";

    record Verdict(boolean tell, List<String> audience, boolean urgent) {}

    Verdict decide(DelegateExecution execution, String event, String warningStage) {
        var definition = Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(DECISION_KEY);
        var variables = Variables.createVariables()
                .putValue("notificationEvent", event)
                .putValue(Vars.SLA_WARNING_STAGE.name(), warningStage)
                .putValue(Vars.PRIORITY.name(), Vars.PRIORITY.get(execution))
                .putValue(Vars.CUSTOMER_TIER.name(), Vars.CUSTOMER_TIER.get(execution))
                .putValue(Vars.ESCALATION_TRIGGER.name(), Vars.ESCALATION_TRIGGER.get(execution));
        DmnDecisionRuleResult result;
        try {
            result = DecisionEvaluationUtil.evaluateDecisionTable(definition, variables)
                    .getSingleResult();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not evaluate " + DECISION_KEY, e);
        }
        if (result == null) {
            return new Verdict(false, List.of(), false);
        }
        Map<String, Object> outputs = result.getEntryMap();
        String audience = (String) outputs.get("audience");
        return new Verdict(
                Boolean.TRUE.equals(outputs.get("notify")),
                audience == null
                        ? List.of()
                        : Arrays.stream(audience.split(","))
                                .map(String::strip)
                                .filter(group -> !group.isEmpty())
                                .toList(),
                Boolean.TRUE.equals(outputs.get("urgent")));
    }
}
