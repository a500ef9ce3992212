package io.casedesk.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * casedesk_outbox_pending: mails queued and not yet sent (an SMTP outage shows as a growing number before the
 * incidents do). Counted by the outbox's owner at each scrape; the status index makes it one index range count.
 */
@Configuration(proxyBeanMethods = false)
class OutboxMeters {

    @Bean
    Gauge outboxPending(MeterRegistry registry, JdbcClient jdbc) {
        return Gauge.builder("casedesk.outbox.pending", jdbc, OutboxMeters::pending)
                .description("Mails queued in the outbox and not yet sent")
                .register(registry);
    }

    private static double pending(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = :queued")
                .param("queued", OutboxMail.Status.QUEUED.name())
                .query(Long.class)
                .single();
    }
}
