package io.casedesk.trends.process;

import io.casedesk.trends.TrendThresholds;
import org.camunda.bpm.engine.DecisionService;
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
        return Verdict.of(decisions
                .evaluateDecisionTableByKey(DECISION_KEY, m.variables())
                .getSingleResult()
                .getEntryMap());
    }
}
