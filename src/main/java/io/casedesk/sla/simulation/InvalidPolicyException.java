package io.casedesk.sla.simulation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An uploaded candidate is not a usable table: 400 problem+json naming the file and what is wrong. */
public class InvalidPolicyException extends ErrorResponseException {

    public InvalidPolicyException(String decisionKey, String file, String problem) {
        super(HttpStatus.BAD_REQUEST, body(decisionKey, file, problem), null);
    }

    private static ProblemDetail body(String decisionKey, String file, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The candidate %s file '%s' %s".formatted(decisionKey, file, problem));
        detail.setTitle("Invalid candidate policy");
        detail.setProperty("decision", decisionKey);
        detail.setProperty("file", file);
        return detail;
    }
}
