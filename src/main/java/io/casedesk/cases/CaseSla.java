package io.casedesk.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA state a case shows: the calendar its clock counts in, the deadline of each target, whether it was breached,
 * and how long the clock stood still while the case waited on the customer. Kept by the sla feature in its records
 * (sla_record) and read through {@link CaseSlaSource}; cases stores none of it.
 */
public record CaseSla(
        String calendar,
        Instant responseDueAt,
        Instant resolutionDueAt,
        boolean responseBreached,
        boolean resolutionBreached,
        Duration paused) {

    /** A case whose SLA clock has not started (not triaged yet). */
    public static final CaseSla NONE = new CaseSla(null, null, null, false, false, Duration.ZERO);
}
