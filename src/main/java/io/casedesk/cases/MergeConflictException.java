package io.casedesk.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A merge the rules refuse (into itself, into a closed or merged case, across customers without force): 409. */
public class MergeConflictException extends ErrorResponseException {

    public MergeConflictException(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Merge refused");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
