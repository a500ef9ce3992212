package io.casedesk.security;

import io.casedesk.system.ErrorPages;
import io.casedesk.system.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] CASE_OPENERS = {"integrations", "tier1", "tier2", "specialists", "camunda-admin"};
    /** GET /api/metrics: the dashboard figures. */
    static final String[] DASHBOARD_READERS = {"managers", "process-owners", "ops", "camunda-admin"};

    static final String[] CASE_READERS = {
        "integrations",
        "tier1",
        "tier2",
        "specialists",
        "managers",
        "ops",
        "knowledge",
        "process-owners",
        "camunda-admin"
    };
    /** Who may try a policy change on past cases (what-if simulation). */
    static final String[] POLICY_SIMULATORS = {"process-owners", "managers", "camunda-admin"};

    /**
     * The pages we render ourselves (landing page, customer pages, their 429 page, error pages): ErrorPages says what
     * they allow.
     */
    static final String PAGES_CSP = ErrorPages.CSP;

    /** GET /api/trends: counts, spikes and incidents. */
    static final String[] TREND_READERS = {"managers", "ops", "process-owners", "camunda-admin"};

    /** PUT /api/orders/{orderId}: the shop's integration keeps the order facts automatic answers use. */
    static final String[] ORDER_WRITERS = {"integrations", "camunda-admin"};
    /** GET /api/orders/{orderId}: agents and managers look an order up. */
    static final String[] ORDER_READERS = {"tier1", "tier2", "specialists", "managers", "camunda-admin"};

    /** The agent assist on a case (similar cases, suggested reply): the agents and their managers. */
    static final String[] ASSIST_READERS = {"tier1", "tier2", "specialists", "managers", "camunda-admin"};

    /** Knowledge-base search: the agents and the knowledge team. */
    static final String[] KB_READERS = {"tier1", "tier2", "specialists", "knowledge", "camunda-admin"};

    /** POST /api/cases/{reference}/merge: agents (of the case's group, checked by the controller) and managers. */
    static final String[] CASE_MERGERS = {"tier1", "tier2", "specialists", "managers", "camunda-admin"};

    static final String[] METRICS_READERS = {"ops", "managers", "camunda-admin"};

    /** The managers' dashboard (/dashboard). */
    static final String[] DASHBOARD_VIEWERS = {"managers", "camunda-admin"};

    static final String DASHBOARD_LOGIN = "/dashboard/login";

    /** Prometheus metrics: HTTP basic against Camunda identity, for ops, managers and admins only. */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(groups(METRICS_READERS)))
                .httpBasic(basic -> basic.realmName("casedesk"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The service API: HTTP basic against Camunda identity, no session, problem+json for 401 and 403. Each endpoint
     * names who may use it; any other path is left to Spring MVC, so a signed-in caller learns that it does not exist
     * (404) or takes another method (405) rather than being told it is forbidden. SecuritySuiteTest shows that every
     * endpoint has its rule here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/cases")
                        .hasAnyAuthority(groups(CASE_OPENERS))
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/messages")
                        .hasAnyAuthority(groups(CASE_OPENERS))
                        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*")
                        .hasAnyAuthority(groups(CASE_READERS))
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/merge")
                        .hasAnyAuthority(groups(CASE_MERGERS))
                        .requestMatchers(HttpMethod.PUT, "/api/orders/*")
                        .hasAnyAuthority(groups(ORDER_WRITERS))
                        .requestMatchers(HttpMethod.GET, "/api/orders/*")
                        .hasAnyAuthority(groups(ORDER_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/cases/*/similar", "/api/cases/*/suggested-reply")
                        .hasAnyAuthority(groups(ASSIST_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/kb")
                        .hasAnyAuthority(groups(KB_READERS))
                        .requestMatchers(HttpMethod.GET, "/api/metrics")
                        .hasAnyAuthority(groups(DASHBOARD_READERS))
                        .requestMatchers(HttpMethod.POST, "/api/policy/simulate")
                        .hasAnyAuthority(groups(POLICY_SIMULATORS))
                        .requestMatchers(HttpMethod.GET, "/api/trends")
                        .hasAnyAuthority(groups(TREND_READERS))
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"casedesk\"");
                    problems.write(
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "Unauthorized",
                            "Authentication with a Camunda user is required");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your groups do not allow this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The managers' dashboard: a form login against Camunda identity (the provider the API uses), a session, CSRF on
     * the login and logout forms, the strict CSP of our own pages; signed in without the right group, 403. The
     * charting library (a WebJar) is served to signed-in viewers only, as the page that uses it.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        return http.securityMatcher("/dashboard", "/dashboard/**", "/webjars/chart.js/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                DASHBOARD_LOGIN, "/dashboard/dashboard.css", "/dashboard/favicon.svg")
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(groups(DASHBOARD_VIEWERS)))
                .formLogin(form -> form.loginPage(DASHBOARD_LOGIN)
                        .defaultSuccessUrl("/dashboard", true)
                        .failureHandler((request, response, e) -> {
                            request.setAttribute(LoginFailureLimiter.FAILED_FORM_LOGIN, Boolean.TRUE);
                            response.sendRedirect(DASHBOARD_LOGIN + "?error");
                        }))
                .logout(logout -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl(DASHBOARD_LOGIN + "?logout"))
                .headers(headers -> headers.frameOptions(f -> f.deny())
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP)))
                .build();
    }

    /**
     * Everything else. Camunda's webapps and /engine-rest bring their own authentication and CSRF protection;
     * the customer pages are public but reached only through single-use tokens, and keep Spring's CSRF protection.
     */
    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers("/camunda/**", "/engine-rest/**")
                        .permitAll()
                        .requestMatchers(
                                "/resolution/*",
                                "/survey/*",
                                "/kb/*",
                                "/customer.css",
                                "/landing.css",
                                "/survey-autosubmit.js",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**", "/api/**"))
                .headers(headers -> headers.frameOptions(f -> f.sameOrigin())
                        // sent on HTTPS requests only (behind a proxy: server.forward-headers-strategy)
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                ownPages(), new StaticHeadersWriter("Content-Security-Policy", PAGES_CSP))))
                .build();
    }

    private static RequestMatcher ownPages() {
        return new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/"),
                PathPatternRequestMatcher.withDefaults().matcher("/resolution/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/survey/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/kb/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/error"),
                PathPatternRequestMatcher.withDefaults().matcher("/error/**"));
    }

    private static String[] groups(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> "GROUP_" + id).toArray(String[]::new);
    }
}
