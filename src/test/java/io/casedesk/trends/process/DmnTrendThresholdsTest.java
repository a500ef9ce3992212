package io.casedesk.trends.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.PlainEngine;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.TrendThresholds.Measure;
import io.casedesk.trends.TrendThresholds.Verdict;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The port evaluates the deployed trend-thresholds through the engine with the variables the table reads. */
@Deployment(resources = "dmn/trend-thresholds.dmn")
class DmnTrendThresholdsTest {

    private static final PlainEngine ENGINE = PlainEngine.named("trend-thresholds-port-test");

    @RegisterExtension
    static final ProcessEngineCoverageExtension EXTENSION = ENGINE.withCoverageAtLeast(0);

    @Test
    void decidesWithTheDeployedTable() {
        var thresholds = new DmnTrendThresholds(EXTENSION.getProcessEngine().getDecisionService());

        assertThat(thresholds.decide(new Measure(IncidentKind.TAG, "delivery-delay", 6, 1.5, 0, 0, 0)))
                .isEqualTo(new Verdict(true, "volume"));
        assertThat(thresholds.decide(new Measure(IncidentKind.CATEGORY, "shipping", 6, 2.5, 0, 0, 0)))
                .isEqualTo(new Verdict(false, "none"));
        assertThat(thresholds.decide(new Measure(IncidentKind.SENTIMENT, "negative", 7, 0, 12, 7.0 / 12, 0.2)))
                .isEqualTo(new Verdict(true, "negative-sentiment"));
    }
}
