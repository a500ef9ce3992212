package io.casedesk.cases;

import java.time.Duration;

/**
 * A step of a case that the Prometheus meters count (metrics listens): triaged (priority known), first agent answer
 * (took = time since opening), closed (took = time from opening to the resolution). Only bounded facts: no customer.
 */
public record CaseMilestone(Kind kind, String reference, Channel channel, String priority, Duration took) {

    public enum Kind {
        TRIAGED,
        FIRST_RESPONSE,
        CLOSED
    }
}
