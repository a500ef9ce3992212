package io.casedesk.trends.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.PlainEngine;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.IncidentStatus;
import io.casedesk.trends.TrendIncident;
import io.casedesk.trends.TrendSettings;
import io.casedesk.trends.Trends;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * trend-watch on a plain in-memory engine with the real delegate and cycle bean on a mocked Trends: the start timer
 * repeats every casedesk.trends.cycle, each firing runs one detection at the engine's time, and a failing detection
 * leaves the timer to retry. Flow-node coverage must be complete.
 */
@Deployment(resources = "bpmn/trend-watch.bpmn")
class TrendWatchFlowTest {

    private static final PlainEngine ENGINE = PlainEngine.named("trend-watch-flow-test");
    private static final Trends TRENDS = mock(Trends.class);
    private static final Duration CYCLE = Duration.ofMinutes(7);

    @RegisterExtension
    static final ProcessEngineCoverageExtension EXTENSION = ENGINE.withCoverageAtLeast(1.0);

    private ProcessEngine engine;

    /** The start timer's cycle is evaluated when the model is deployed, before each test: the beans come first. */
    @BeforeAll
    static void beansBeforeTheDeployment() {
        ENGINE.use(Map.of(
                "trendCycle",
                new TrendCycle(new TrendSettings(CYCLE, Duration.ofHours(1), 7, -0.3, 500, 10)),
                "detectTrends",
                new DetectTrendsDelegate(TRENDS, PlainEngine.clock())));
    }

    @BeforeEach
    void engine() {
        engine = EXTENSION.getProcessEngine();
        reset(TRENDS);
    }

    @Test
    void everyCycleDetectsOnceAtTheEnginesTime_andTheTimerComesBack() {
        when(TRENDS.detect(any())).thenReturn(List.of(incident()));
        Job timer = timer();
        Instant now = timer.getDuedate().toInstant();
        PlainEngine.now(now);

        engine.getManagementService().executeJob(timer.getId());

        verify(TRENDS).detect(now);
        var run = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(TrendWatchProcess.KEY)
                .singleResult();
        assertThat(run.getEndTime()).isNotNull();
        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(run.getId())
                        .list())
                .extracting(a -> a.getActivityId())
                .containsExactlyInAnyOrder(
                        TrendWatchProcess.START_CYCLE, TrendWatchProcess.TASK_DETECT, TrendWatchProcess.END);
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(run.getId())
                        .variableName(TrendWatchProcess.NEW_INCIDENTS)
                        .singleResult()
                        .getValue())
                .isEqualTo(1);
        Job next = timer();
        assertThat(next.getId()).isNotEqualTo(timer.getId());
        assertThat(Duration.between(now, next.getDuedate().toInstant()))
                .isBetween(CYCLE.minusSeconds(1), CYCLE.plusSeconds(1));
    }

    @Test
    void theTimerRepeatsEveryConfiguredCycle() {
        Instant deployedAt = engine.getRepositoryService()
                .createDeploymentQuery()
                .singleResult()
                .getDeploymentTime()
                .toInstant();
        assertThat(Duration.between(deployedAt, timer().getDuedate().toInstant()))
                .isBetween(CYCLE.minusSeconds(1), CYCLE.plusSeconds(1));
        verify(TRENDS, never()).detect(any());
    }

    @Test
    void aFailingDetectionIsRetriedByTheTimerJob() {
        when(TRENDS.detect(any())).thenThrow(new IllegalStateException("database unavailable"));
        Job timer = timer();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
                .hasMessageContaining("database unavailable");

        Job again = engine.getManagementService()
                .createJobQuery()
                .jobId(timer.getId())
                .singleResult();
        assertThat(again.getRetries()).isEqualTo(2);
        assertThat(again.getExceptionMessage()).contains("database unavailable");
        assertThat(engine.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(TrendWatchProcess.KEY)
                        .completed()
                        .count())
                .isZero();
    }

    private Job timer() {
        return engine.getManagementService().createJobQuery().timers().singleResult();
    }

    private static TrendIncident incident() {
        Instant at = PlainEngine.MONDAY_MORNING;
        return new TrendIncident(
                1,
                IncidentKind.TAG,
                "delivery-delay",
                IncidentStatus.DETECTED,
                at,
                at.minusSeconds(3600),
                at,
                6,
                0.2,
                null,
                null);
    }
}
