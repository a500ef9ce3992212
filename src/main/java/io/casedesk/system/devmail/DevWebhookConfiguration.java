package io.casedesk.system.devmail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The dev profile's stand-in for the chat and social integrations: application.yaml points their webhooks at
 * /dev/webhooks/receive/{channel} on this server, which checks the signature as an integration would and lists what
 * arrived on /dev/webhooks. Like /dev/mail it needs no login, and exists only in dev.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
class DevWebhookConfiguration {

    @Bean
    DevWebhookSink devWebhookSink(ObjectMapper json, Clock clock) {
        return new DevWebhookSink(json, clock);
    }

    @Bean
    DevPage devWebhookPage() {
        return new DevPage(
                "/dev/webhooks",
                "Webhook sink",
                "what chat and social customers were sent on their channel, newest first, signature checked");
    }

    /** Open like /dev/mail; the receiver takes POSTs from casedesk itself, which has no CSRF token to send. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain devWebhookPages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/dev/webhooks", "/dev/webhooks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/dev/webhooks/receive/**"))
                .build();
    }
}
