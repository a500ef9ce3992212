package io.casedesk.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.outage.*: how casedesk answers while its database cannot be reached.
 *
 * @param retryAfter what the Retry-After header of a 503 tells clients to wait before they try again (sent in whole
 *                   seconds, at least 1)
 */
@ConfigurationProperties("casedesk.outage")
public record OutageSettings(@DefaultValue("PT10S") Duration retryAfter) {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

    /** The Retry-After header's value. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
