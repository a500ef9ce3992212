package io.casedesk.cases;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No case with this reference (or none the caller may see): 404 problem+json on the API. */
public class CaseNotFoundException extends ErrorResponseException {

    public CaseNotFoundException(String reference) {
        super(HttpStatus.NOT_FOUND, problem(reference), null);
    }

    private static ProblemDetail problem(String reference) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case " + reference);
        problem.setTitle("Case not found");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
