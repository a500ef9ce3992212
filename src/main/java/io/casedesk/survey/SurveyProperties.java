package io.casedesk.survey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.survey.*: the customers' links.
 *
 * @param tokenRetention how long a link's token is kept once it has expired or been used (or replaced by a newer
 *                       mail's link); after it the token is purged. Its page is the same friendly "link not valid"
 *                       page before and after.
 */
@ConfigurationProperties("casedesk.survey")
record SurveyProperties(@DefaultValue("P30D") Duration tokenRetention) {

    SurveyProperties {
        if (tokenRetention.isNegative()) {
            throw new IllegalArgumentException("casedesk.survey.token-retention must not be negative");
        }
    }
}
