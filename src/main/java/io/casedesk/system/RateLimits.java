package io.casedesk.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.rate-limit.*: per client, a refill of {@code capacity} requests every {@code period}; beyond it 429 with
 * Retry-After.
 *
 * @param pages      the customer pages (/resolution, /survey), per client IP
 * @param intake     intake (POST /api/cases and POST /api/cases/{reference}/messages), per user
 * @param simulation what-if simulations (POST /api/policy/simulate), per user: each replays up to
 *                   casedesk.policy.simulation.max-cases cases
 * @param maxClients the most clients tracked at once; the least recently seen are forgotten first
 */
@ConfigurationProperties("casedesk.rate-limit")
public record RateLimits(
        @DefaultValue Pages pages,
        @DefaultValue Intake intake,
        @DefaultValue Simulation simulation,
        @DefaultValue("100000") long maxClients) {

    /** One limit: a refill of {@code capacity} requests every {@code period}. */
    interface Limit {

        long capacity();

        Duration period();
    }

    /**
     * @param capacity requests per period and client IP
     * @param period   the period in which capacity requests are refilled
     */
    record Pages(
            @DefaultValue("120") long capacity,
            @DefaultValue("PT1M") Duration period) implements Limit {}

    /**
     * @param capacity cases and messages per period and user
     * @param period   the period in which capacity requests are refilled
     */
    record Intake(
            @DefaultValue("600") long capacity,
            @DefaultValue("PT1M") Duration period) implements Limit {}

    /**
     * @param capacity simulations per period and user
     * @param period   the period in which capacity requests are refilled
     */
    record Simulation(
            @DefaultValue("10") long capacity,
            @DefaultValue("PT1M") Duration period) implements Limit {}
}
