package io.casedesk.prevention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.prevention.*: how prevention tickets are checked.
 *
 * @param checkAfter how long after an incident's outreach ended its prevention is checked: the cases with the key and
 *                   their CSAT in that long after the incident against as long before it
 */
@ConfigurationProperties("casedesk.prevention")
public record PreventionProperties(@DefaultValue("P28D") Duration checkAfter) {

    public PreventionProperties {
        if (checkAfter.isNegative() || checkAfter.isZero()) {
            throw new IllegalArgumentException("casedesk.prevention.check-after must be positive");
        }
    }
}
