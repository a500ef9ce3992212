package io.casedesk.security;

import io.casedesk.system.ProblemWriter;
import io.casedesk.system.RateLimiter;
import io.casedesk.system.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords per client address, on every way in (HTTP basic on /api, /engine-rest and /actuator, the
 * webapps' login form): a request that brings credentials and is answered 401 costs the address one of
 * casedesk.security.login.failures-per-address per period; an address with none left gets 429 with Retry-After
 * before its credentials are even checked. So one client cannot try passwords on many accounts, and Camunda's
 * growing per-user delay (application.yaml) keeps the lock on one account temporary.
 */
@Configuration(proxyBeanMethods = false)
class LoginFailureLimiter {

    /** Set by a form login that failed (it answers with a redirect to the login page, not 401). */
    static final String FAILED_FORM_LOGIN = LoginFailureLimiter.class.getName() + ".failed";

    @Bean
    FilterRegistrationBean<LimitFilter> loginFailureLimit(
            LoginLimits limits, RateLimits rateLimits, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new LimitFilter(
                new RateLimiter(limits.failuresPerAddress(), limits.period(), rateLimits.maxClients()), problems));
        registration.setName("login-failure-limit");
        // before Spring Security and Camunda's engine-rest authentication, which check the credentials
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class LimitFilter extends OncePerRequestFilter {

        private final RateLimiter failures;
        private final ProblemWriter problems;

        LimitFilter(RateLimiter failures, ProblemWriter problems) {
            this.failures = failures;
            this.problems = problems;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
            boolean webappLogin = "POST".equals(request.getMethod())
                    && request.getRequestURI().contains("/api/admin/auth/user/")
                    && request.getRequestURI().contains("/login/");
            boolean dashboardLogin = "POST".equals(request.getMethod())
                    && SecurityConfiguration.DASHBOARD_LOGIN.equals(request.getRequestURI());
            return !basic && !webappLogin && !dashboardLogin;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String address = request.getRemoteAddr();
            long wait = failures.waitFor(address);
            if (wait > 0) {
                problems.tooManyRequests(
                        response,
                        wait,
                        "Too many wrong passwords",
                        "Too many wrong passwords from your address; retry after %d s".formatted(wait));
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()
                    || request.getAttribute(FAILED_FORM_LOGIN) != null) {
                failures.tryAcquire(address);
            }
        }
    }
}
