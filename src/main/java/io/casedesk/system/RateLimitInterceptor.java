package io.casedesk.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rate limits (casedesk.rate-limit.*): the public customer pages per client IP, intake (POST /api/cases and
 * POST /api/cases/{ref}/messages) and what-if simulations (POST /api/policy/simulate) per authenticated user. Beyond the limit: 429 with Retry-After, problem+json on the API and a friendly page for
 * customers. An interceptor, not a servlet filter, because it runs after Spring Security: intake is keyed by
 * the principal, and an unauthenticated caller is refused with 401 before it can drain anyone's bucket.
 * Behind a reverse proxy set server.forward-headers-strategy so the client IP is the customer's, not the proxy's.
 */
@Component
// also in @WebMvcTest slices, which scan no configuration properties
@EnableConfigurationProperties(RateLimits.class)
class RateLimitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String TOO_MANY_REQUESTS_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Please wait a moment — casedesk</title>
              <link rel="stylesheet" href="/customer.css">
            </head>
            <body>
            <main>
              <h1>Please wait a moment</h1>
              <p>We received many requests from your network in a short time. Please try again in a minute;
              your answer has not been lost if you have not sent it yet.</p>
            </main>
            </body>
            </html>
            """;

    private final RateLimiter pages;
    private final RateLimiter intake;
    private final RateLimiter simulation;
    private final ProblemWriter problems;

    RateLimitInterceptor(RateLimits limits, ProblemWriter problems) {
        this.pages = limiter(limits.pages(), limits.maxClients());
        this.intake = limiter(limits.intake(), limits.maxClients());
        this.simulation = limiter(limits.simulation(), limits.maxClients());
        this.problems = problems;
    }

    private static RateLimiter limiter(RateLimits.Limit limit, long maxClients) {
        return new RateLimiter(limit.capacity(), limit.period(), maxClients);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .addPathPatterns(
                        "/resolution/**", "/survey/**", "/api/cases", "/api/cases/*/messages", "/api/policy/simulate");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Principal user = request.getUserPrincipal();
            if (!"POST".equals(request.getMethod()) || user == null) {
                return true;
            }
            boolean simulate = path.equals("/api/policy/simulate");
            long wait = (simulate ? simulation : intake).tryAcquire(user.getName());
            if (wait > 0) {
                problems.tooManyRequests(
                        response,
                        wait,
                        "Too many requests",
                        "Too many %s in a short time; retry after %d s"
                                .formatted(simulate ? "simulations" : "cases or messages", wait));
                return false;
            }
            return true;
        }
        long wait = pages.tryAcquire(request.getRemoteAddr());
        if (wait > 0) {
            refuse(response, wait, MediaType.TEXT_HTML_VALUE + ";charset=UTF-8", TOO_MANY_REQUESTS_PAGE);
            return false;
        }
        return true;
    }

    private static void refuse(HttpServletResponse response, long retryAfterSeconds, String contentType, String body)
            throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
