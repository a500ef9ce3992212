package io.casedesk;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring Boot test context at the test SMTP server, and names the port of its IMAP mailbox for a
 * context that reads inbound mail ({@code casedesk.mail.inbound.port=${casedesk.test.imap-port}}). Done here rather
 * than with {@code @DynamicPropertySource}, whose methods are part of the context cache key and would keep test
 * classes with the same configuration from sharing one context. Added last, so a test's own properties win.
 */
public class TestMailEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "test-mail-server",
                        Map.of(
                                "spring.mail.host",
                                "127.0.0.1",
                                "spring.mail.port",
                                TestMailServer.port(),
                                TestMailServer.IMAP_PORT_PROPERTY,
                                TestMailServer.imapPort(),
                                TestWebhookReceiver.PORT_PROPERTY,
                                TestWebhookReceiver.port())));
    }
}
