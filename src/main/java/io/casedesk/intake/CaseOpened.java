package io.casedesk.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.SupportCase;
import java.time.Instant;

/** Answer of POST /api/cases. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CaseOpened(
        String reference,
        CaseStatus status,
        String priority,
        Instant responseDueAt,
        Instant resolutionDueAt,
        String processInstanceId) {

    static CaseOpened of(SupportCase c) {
        return new CaseOpened(
                c.reference(), c.status(), c.priority(), c.responseDueAt(), c.resolutionDueAt(), c.processInstanceId());
    }
}
