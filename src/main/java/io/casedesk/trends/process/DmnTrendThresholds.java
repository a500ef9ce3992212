package io.casedesk.trends.process;

import io.casedesk.trends.TrendThresholds;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** trend-thresholds, the latest deployed version, through the engine (so a table a process owner deploys counts). */
@Component
class DmnTrendThresholds implements TrendThresholds {

    private final DecisionService decisions;

    DmnTrendThresholds(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Verdict decide(Measure m) {
        Map<String, Object> result = decisions
                .evaluateDecisionTableByKey(
                        DECISION_KEY,
                        Variables.createVariables()
                                .putValue("kind", m.kind().wire())
                                .putValue("count", m.count())
                                .putValue("baseline", m.baseline())
                                .putValue("messages", m.messages())
                                .putValue("negativeShare", m.negativeShare())
                                .putValue("baselineShare", m.baselineShare()))
                .getSingleResult()
                .getEntryMap();
        return new Verdict(Boolean.TRUE.equals(result.get("spike")), (String) result.get("rule"));
    }
}
