package io.casedesk.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.security.login: how many wrong passwords one client address may send per period.
 *
 * @param failuresPerAddress wrong passwords per client address and period; beyond them every login from that address
 *                           gets 429 until the period has refilled them
 * @param period             the period in which the failures are refilled
 */
@ConfigurationProperties("casedesk.security.login")
record LoginLimits(
        @DefaultValue("50") long failuresPerAddress,
        @DefaultValue("PT15M") Duration period) {}
