package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** The limiter and its two answers; SecuritySuiteTest shows both limits in the running application. */
class RateLimitInterceptorTest {

    private final RateLimitInterceptor limits = new RateLimitInterceptor(
            new RateLimits(
                    new RateLimits.Pages(3, Duration.ofMinutes(1)),
                    new RateLimits.Intake(2, Duration.ofMinutes(1)),
                    new RateLimits.Simulation(2, Duration.ofMinutes(1)),
                    1000),
            new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void customerPages_areLimitedPerClientIp_withAFriendlyPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.preHandle(page("10.0.0.1"), new MockHttpServletResponse(), null))
                    .isTrue();
        }
        var response = new MockHttpServletResponse();
        assertThat(limits.preHandle(page("10.0.0.1"), response, null)).isFalse();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("Please wait a moment")
                .doesNotContain("Exception");

        assertThat(limits.preHandle(page("10.0.0.2"), new MockHttpServletResponse(), null))
                .as("another client")
                .isTrue();
    }

    @Test
    void intake_isLimitedPerUser_asProblemJson_readsAreNot() throws Exception {
        assertThat(limits.preHandle(intake("ivy"), new MockHttpServletResponse(), null))
                .isTrue();
        assertThat(limits.preHandle(intake("ivy"), new MockHttpServletResponse(), null))
                .isTrue();
        var response = new MockHttpServletResponse();
        assertThat(limits.preHandle(intake("ivy"), response, null)).isFalse();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":429")
                .contains("\"title\":\"Too many requests\"");

        assertThat(limits.preHandle(intake("phonebot"), new MockHttpServletResponse(), null))
                .isTrue();
        var read = new MockHttpServletRequest("GET", "/api/cases");
        read.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated("ivy", null, null));
        assertThat(limits.preHandle(read, new MockHttpServletResponse(), null))
                .as("reads are not limited")
                .isTrue();
    }

    @Test
    void theBucketMapIsBounded() {
        var limiter = new RateLimiter(5, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire("client-" + i)).isZero();
        }
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(100);
    }

    @Test
    void retryAfter_isTheTimeUntilTheNextToken() {
        var limiter = new RateLimiter(2, Duration.ofSeconds(10), 100);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        // one token comes back every 5 s
        assertThat(limiter.tryAcquire("a")).isBetween(4L, 5L);
    }

    private static MockHttpServletRequest page(String ip) {
        var request = new MockHttpServletRequest("GET", "/survey/some-token");
        request.setRemoteAddr(ip);
        return request;
    }

    private static MockHttpServletRequest intake(String user) {
        var request = new MockHttpServletRequest("POST", "/api/cases");
        request.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated(user, null, null));
        return request;
    }
}
