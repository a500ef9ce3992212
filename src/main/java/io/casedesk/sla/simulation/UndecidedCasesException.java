package io.casedesk.sla.simulation;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The policy to simulate cannot decide for some real cases (no rule matches, several do, an unknown calendar or
 * duration): deployed, it would make those cases fail. 422 problem+json listing the first of them.
 */
class UndecidedCasesException extends ErrorResponseException {

    record Undecided(String reference, String decision, String problem) {}

    UndecidedCasesException(int count, List<Undecided> first) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, body(count, first), null);
    }

    private static ProblemDetail body(int count, List<Undecided> first) {
        Undecided example = first.get(0);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "The policy cannot decide for %d case(s) of the period, e.g. %s: %s %s. Deployed, it would make such cases fail."
                        .formatted(count, example.reference(), example.decision(), example.problem()));
        detail.setTitle("Policy cannot decide for some cases");
        detail.setProperty("undecidedCases", count);
        detail.setProperty("examples", first);
        return detail;
    }
}
