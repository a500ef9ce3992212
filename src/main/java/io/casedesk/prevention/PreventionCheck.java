package io.casedesk.prevention;

import java.time.Instant;

/**
 * Whether a prevention ticket worked: the incident key's cases and CSAT in a period before the incident and in as
 * long a period after it ended. {@code improved} when the cases went down and the CSAT (where both periods have
 * answers) did not.
 */
public record PreventionCheck(
        long ticketId,
        long incidentId,
        String key,
        Instant beforeFrom,
        Instant beforeTo,
        Instant afterFrom,
        Instant afterTo,
        long casesBefore,
        long casesAfter,
        Double csatBefore,
        Double csatAfter,
        Instant checkedAt) {

    public boolean improved() {
        boolean fewer = casesAfter < casesBefore;
        boolean csatHeld = csatBefore == null || csatAfter == null || csatAfter >= csatBefore;
        return fewer && csatHeld;
    }

    /** One line for a timeline or a ticket: the figures and the verdict. */
    public String summary() {
        return "Prevention check for %s (PREV-%d, incident INC-%d): %d cases before, %d after; CSAT %s before, %s after: %s"
                .formatted(
                        key,
                        ticketId,
                        incidentId,
                        casesBefore,
                        casesAfter,
                        csat(csatBefore),
                        csat(csatAfter),
                        improved() ? "improved" : "not improved");
    }

    private static String csat(Double value) {
        return value == null ? "n/a" : "%.2f".formatted(value);
    }
}
