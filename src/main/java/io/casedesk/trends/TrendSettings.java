package io.casedesk.trends;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.trends.*: how trend-watch looks for spikes.
 *
 * @param cycle         how often trend-watch looks (its timer cycle)
 * @param window        the period counted, ending at the moment of looking
 * @param baselineDays  the days before the window whose average count per window is the baseline
 * @param negativeBelow a customer message whose sentiment score is below this is negative
 * @param evidenceCases at most this many cases are shown as an incident's evidence
 * @param samples       at most this many customer messages are shown as samples
 */
@ConfigurationProperties("casedesk.trends")
public record TrendSettings(
        @DefaultValue("PT5M") Duration cycle,
        @DefaultValue("PT1H") Duration window,
        @DefaultValue("7") int baselineDays,
        @DefaultValue("-0.3") double negativeBelow,
        @DefaultValue("500") int evidenceCases,
        @DefaultValue("10") int samples) {}
