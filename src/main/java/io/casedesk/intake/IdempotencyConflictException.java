package io.casedesk.intake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The same Idempotency-Key came back with a different body: 422 problem+json. */
public class IdempotencyConflictException extends ErrorResponseException {

    private static final String DETAIL = "This Idempotency-Key was already used with a different request body";

    public IdempotencyConflictException() {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, DETAIL);
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }

    @Override
    public String getMessage() {
        return DETAIL;
    }
}
