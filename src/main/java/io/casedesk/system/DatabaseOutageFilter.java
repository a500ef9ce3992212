package io.casedesk.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a database outage that nothing nearer answered: a failure to reach the database that escapes a
 * filter or a servlet becomes 503 with Retry-After instead of the container's 500. That covers the logins (HTTP basic
 * on /api and /engine-rest reads Camunda identity from the database, and a login that cannot be checked is neither
 * 401 nor 500), the other filters and interceptors, /engine-rest's authentication and the customer pages.
 * Pages people read (customer pages, the dashboard, the webapps' pages) get our friendly HTML page, everything else
 * problem+json. Outermost but for the character encoding, so the login-failure limit does not count the failed
 * login against the client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    /** Paths people open in a browser; the rest is read by programs. */
    private static final List<String> PAGES = List.of("/resolution/", "/survey/", "/dashboard", "/camunda/app/");

    private final ProblemWriter problems;

    DatabaseOutageFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "Database unavailable, answered 503 to {} {}: {}",
                    request.getMethod(),
                    path(request),
                    e.toString());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // whatever the failed request had set (its headers, a half-written body) goes
        response.reset();
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (isPage(path(request))) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problems.retryAfterSeconds()));
            ErrorPages.write(HttpStatus.SERVICE_UNAVAILABLE, response);
        } else {
            problems.databaseUnavailable(response);
        }
    }

    private static boolean isPage(String path) {
        return path.equals("/") || PAGES.stream().anyMatch(path::startsWith);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
