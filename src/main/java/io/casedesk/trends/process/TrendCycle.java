package io.casedesk.trends.process;

import io.casedesk.security.process.ExposedToModels;
import io.casedesk.trends.TrendSettings;
import org.springframework.stereotype.Component;

/**
 * The timer cycle of trend-watch's start event, {@code ${trendCycle.cycle}}: repeat forever every
 * casedesk.trends.cycle. The engine evaluates it when it deploys the model and when it schedules the next timer.
 */
@Component("trendCycle")
@ExposedToModels
public class TrendCycle {

    private final TrendSettings settings;

    TrendCycle(TrendSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return "R/" + settings.cycle();
    }
}
