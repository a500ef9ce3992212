package io.casedesk.trends.process;

import io.casedesk.trends.Trends;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One trend-watch cycle over the window ending now. */
@Component("detectTrends")
class DetectTrendsDelegate implements JavaDelegate {

    private final Trends trends;
    private final Clock clock;

    DetectTrendsDelegate(Trends trends, Clock clock) {
        this.trends = trends;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int opened = trends.detect(clock.instant()).size();
        execution.setVariable(TrendWatchProcess.NEW_INCIDENTS, opened);
    }
}
