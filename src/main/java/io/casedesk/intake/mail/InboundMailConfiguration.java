package io.casedesk.intake.mail;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.CustomerMessages;
import io.casedesk.intake.IntakeService;
import io.casedesk.mail.MailSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Inbound mail, on only when casedesk.mail.inbound.host is set; without a mailbox the poller is not scheduled.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "casedesk.mail.inbound", name = "host")
@EnableConfigurationProperties({InboundMailProperties.class, MailSettings.class})
@EnableScheduling
class InboundMailConfiguration {

    @Bean
    InboundMailProcessor inboundMailProcessor(
            InboundMailProperties settings,
            InboundMailLog mails,
            IntakeService intake,
            CustomerMessages customerMessages,
            CaseService cases,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MailSettings mail) {
        return new InboundMailProcessor(
                new InboundMailParser(address(mail.from())),
                mails,
                intake,
                customerMessages,
                cases,
                transactionManager,
                clock,
                settings.maxAttempts());
    }

    @Bean
    InboundMailPoller inboundMailPoller(InboundMailProperties settings, InboundMailProcessor processor) {
        return new InboundMailPoller(settings, processor);
    }

    /** casedesk.inbound.mail.kept{status}: mails a person should look at (see the inbound_mail table). */
    @Bean
    MeterBinder inboundMailMetrics(InboundMailLog mails) {
        return registry -> {
            for (var status : List.of(InboundMailStatus.UNPARSEABLE, InboundMailStatus.FAILED)) {
                Gauge.builder("casedesk.inbound.mail.kept", mails, m -> m.count(status))
                        .description("inbound mails kept for a person to look at")
                        .tag("status", status.wire())
                        .register(registry);
            }
        };
    }

    private static String address(String from) {
        try {
            return from == null || from.isBlank() ? null : new InternetAddress(from).getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("casedesk.mail.from is not a mail address: " + from, e);
        }
    }
}
