package io.casedesk.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The one way the API answers an error outside Spring MVC (security's 401 and 403, the body limit's 413, the rate
 * limits' 429): application/problem+json from Spring's {@link ProblemDetail}, written by the application's Jackson
 * mapper, so it looks exactly like the problems {@code ApiProblems} answers from inside MVC.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The problem of this status with this title and detail, as the whole response. */
    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, problem(status, title, detail));
    }

    /** 429 with Retry-After: the client may try again after that many seconds. */
    public void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String title, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, title, detail);
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem body every error of the API has: status, title and what was wrong. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
