package io.casedesk.supportcase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.flow.*: how long the support-case flow waits on a customer before it moves on (ISO-8601 durations),
 * given to the model's timers by {@link FlowTimeouts}.
 *
 * @param customerReplyTimeout how long a need_info case waits for the customer before it goes back to the agent
 * @param confirmationTimeout  silence after the resolution mail that counts as confirmed
 * @param surveyTimeout        how long the CSAT survey stays open
 */
@ConfigurationProperties("casedesk.flow")
record FlowProperties(
        @DefaultValue("P5D") Duration customerReplyTimeout,
        @DefaultValue("P3D") Duration confirmationTimeout,
        @DefaultValue("P7D") Duration surveyTimeout) {}
