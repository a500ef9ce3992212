package io.casedesk.trends;

import java.io.File;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;

/**
 * dmn/trend-thresholds.dmn evaluated by a standalone DMN engine (the engine the process engine embeds), with the
 * variables the engine glue passes (see DmnTrendThresholds), so detection tests decide with the real table.
 */
final class TableThresholds implements TrendThresholds {

    private final DmnEngine engine =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final DmnDecision decision =
            engine.parseDecision(DECISION_KEY, Dmn.readModelFromFile(new File("dmn/trend-thresholds.dmn")));

    @Override
    public Verdict decide(Measure m) {
        return Verdict.of(engine.evaluateDecisionTable(decision, m.variables())
                .getSingleResult()
                .getEntryMap());
    }
}
