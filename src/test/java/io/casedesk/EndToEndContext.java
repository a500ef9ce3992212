package io.casedesk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring context of the full-application tests: the whole application as `./mvnw spring-boot:run` starts
 * it (profile dev), on a random port and embedded H2, with the JVM's test mail server for SMTP and for the IMAP
 * support mailbox ({@link TestMailServer}), the JVM's test chat and social integrations as the channel webhooks
 * ({@link TestWebhookReceiver}; casedesk waits 2 s for their answer here) and the job executor running. Every class annotated with it shares one
 * cached context, so nothing may be added beside it that changes the context: no properties, no
 * {@code @DynamicPropertySource}, no {@code @MockitoBean}, no {@code @DirtiesContext}. A class that runs the
 * engine's jobs itself adds {@link ManualJobs}. Cases, customers and periods of different classes never overlap,
 * so the classes do not see each other's data.
 *
 * <p>Inbound mail polls an hour after the start, that is never during the build: InboundMailTest polls by hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:end-to-end;DB_CLOSE_DELAY=-1",
            "casedesk.mail.inbound.host=127.0.0.1",
            "casedesk.mail.inbound.port=${" + TestMailServer.IMAP_PORT_PROPERTY + "}",
            "casedesk.mail.inbound.protocol=imap",
            "casedesk.mail.inbound.username=support",
            "casedesk.mail.inbound.password=secret",
            "casedesk.mail.inbound.initial-delay=PT1H",
            "casedesk.mail.inbound.poll-interval=PT1H",
            "casedesk.channels.chat.webhook-url=http://127.0.0.1:${" + TestWebhookReceiver.PORT_PROPERTY
                    + "}/hooks/chat",
            "casedesk.channels.chat.secret=" + TestWebhookReceiver.CHAT_SECRET,
            "casedesk.channels.social.webhook-url=http://127.0.0.1:${" + TestWebhookReceiver.PORT_PROPERTY
                    + "}/hooks/social",
            "casedesk.channels.social.secret=" + TestWebhookReceiver.SOCIAL_SECRET,
            "casedesk.channels.timeout=PT2S",
            // a confirmed incident links its open cases four per job, so OutreachEndToEndTest's nine take several
            "casedesk.outreach.link-chunk=4"
        })
@Import(EndToEndContext.ProcessCoverage.class)
@ExtendWith(ContextProcessEngine.class)
public @interface EndToEndContext {

    /**
     * Flow-node coverage of support-case, measured over SupportCaseProcessTest only and asserted there (at least
     * 90 %); the other classes of the context are not measured.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(ProcessEngineCoverageConfiguration.class)
    class ProcessCoverage {

        static final String MEASURED_CLASS = "io.casedesk.supportcase.SupportCaseProcessTest";

        /** Primary: the coverage listener looks its properties up by type, beside the library's defaults. */
        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return new ProcessEngineCoverageProperties.Builder()
                    .addInclusionPatternForTestClasses(MEASURED_CLASS)
                    .assertClassCoverageAtLeast(0.9)
                    .excludeProcessDefinitionKeys("prevention-ticket", "mail-delivery", "trend-watch")
                    .build();
        }

        /**
         * The coverage listeners are part of every process definition the engine parses, and refuse to run without
         * a collector: until the measured class hands them its own, they get one that keeps nothing.
         */
        @Bean
        AbstractCamundaConfiguration unmeasuredProcessCoverage() {
            return new AbstractCamundaConfiguration() {
                @Override
                public void postProcessEngineBuild(ProcessEngine processEngine) {
                    new ProcessEngineAdapter(processEngine, event -> {}).initializeListeners();
                }
            };
        }
    }
}
