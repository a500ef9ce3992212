package io.casedesk.sla.simulation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.policy.simulation.*: how much one what-if simulation (POST /api/policy/simulate) may do.
 *
 * @param maxCases    the most cases one simulation replays; the answer says when the cap applied
 * @param maxDuration a simulation that takes longer stops and answers 503
 */
@ConfigurationProperties("casedesk.policy.simulation")
record SimulationLimits(
        @DefaultValue("10000") int maxCases,
        @DefaultValue("PT20S") Duration maxDuration) {}
