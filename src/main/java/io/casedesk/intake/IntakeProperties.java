package io.casedesk.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.intake.*: opening cases through the API.
 *
 * @param idempotencyKeyRetention how long an Idempotency-Key is remembered: within it the same key gives the first
 *                                answer again; after it the key is purged and opens a new case
 */
@ConfigurationProperties("casedesk.intake")
record IntakeProperties(@DefaultValue("PT24H") Duration idempotencyKeyRetention) {

    IntakeProperties {
        if (idempotencyKeyRetention.isNegative() || idempotencyKeyRetention.isZero()) {
            throw new IllegalArgumentException("casedesk.intake.idempotency-key-retention must be positive");
        }
    }
}
