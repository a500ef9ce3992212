package io.casedesk.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
// also in @WebMvcTest slices, which scan no configuration properties
@EnableConfigurationProperties(OutageSettings.class)
public class ProblemWriter {

    static final String UNAVAILABLE_TITLE = "Service temporarily unavailable";

    private final ObjectMapper json;
    private final OutageSettings outage;

    /** With the default Retry-After for outages (tests that build one by hand). */
    ProblemWriter(ObjectMapper json) {
        this(json, new OutageSettings(OutageSettings.DEFAULT_RETRY_AFTER));
    }

    @Autowired
    ProblemWriter(ObjectMapper json, OutageSettings outage) {
        this.json = json;
        this.outage = outage;
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

    /**
     * 503 with Retry-After (casedesk.outage.retry-after): the database cannot be reached, the same request will
     * work once it is back.
     */
    public void databaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        write(response, databaseUnavailableProblem());
    }

    /** Seconds a client should wait before it repeats a request that met a database outage. */
    public long retryAfterSeconds() {
        return outage.retryAfterSeconds();
    }

    /** The body of a 503 for a database outage: what happened and what to do, nothing of the failure itself. */
    public static ProblemDetail databaseUnavailableProblem() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_TITLE, DatabaseUnavailableException.MESSAGE);
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
