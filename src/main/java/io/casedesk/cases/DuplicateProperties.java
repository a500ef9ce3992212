package io.casedesk.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.duplicates.*: when a new case is flagged as a possible duplicate of an open case of the same customer.
 *
 * @param window     how far back an open case of the customer is compared (by its creation)
 * @param similarity the cosine similarity of the two cases' analysed subject and description terms (0 to 1) from
 *                   which they count as the same problem; a case naming the same order always does
 */
@ConfigurationProperties("casedesk.duplicates")
record DuplicateProperties(
        @DefaultValue("P7D") Duration window,
        @DefaultValue("0.6") double similarity) {

    DuplicateProperties {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("casedesk.duplicates.window must be positive");
        }
        if (similarity <= 0 || similarity > 1) {
            throw new IllegalArgumentException("casedesk.duplicates.similarity must be above 0 and at most 1");
        }
    }
}
