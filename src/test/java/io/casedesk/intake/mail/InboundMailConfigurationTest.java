package io.casedesk.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.CustomerMessages;
import io.casedesk.intake.IntakeService;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

/** Inbound mail is off unless a mailbox is configured, and then polls with the configured settings. */
class InboundMailConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(InboundMailConfiguration.class)
            .withBean(InboundMailLog.class, () -> mock(InboundMailLog.class))
            .withBean(IntakeService.class, () -> mock(IntakeService.class))
            .withBean(CustomerMessages.class, () -> mock(CustomerMessages.class))
            .withBean(CaseService.class, () -> mock(CaseService.class))
            .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void withoutHost_nothingPollsAndNothingIsScheduled() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(InboundMailPoller.class)
                    .doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class);
        });
    }

    @Test
    void withHost_pollsOnSchedule_withSafeDefaults() {
        runner.withPropertyValues(
                        "casedesk.mail.inbound.host=imap.example.com", "casedesk.mail.inbound.username=support")
                .run(context -> {
                    assertThat(context)
                            .hasSingleBean(InboundMailPoller.class)
                            .hasSingleBean(ScheduledAnnotationBeanPostProcessor.class);
                    var settings = context.getBean(InboundMailProperties.class);
                    assertThat(settings.protocol()).isEqualTo("imaps");
                    assertThat(settings.folder()).isEqualTo("INBOX");
                    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(settings.maxAttempts()).isEqualTo(3);
                });
    }

    @Test
    void blankHostOrUnknownProtocol_failsAtStart_ratherThanPollingNothing() {
        runner.withPropertyValues("casedesk.mail.inbound.host= ")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("casedesk.mail.inbound.host"));
        runner.withPropertyValues("casedesk.mail.inbound.host=imap.example.com", "casedesk.mail.inbound.protocol=pop3")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("imap or imaps"));
    }
}
