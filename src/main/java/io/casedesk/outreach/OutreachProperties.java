package io.casedesk.outreach;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.outreach.*: how a proactive outreach links its open cases and sends its mails.
 *
 * @param deliveryWorkers how many delivery workers share one outreach's mails, each every deliveryWorkers-th mail;
 *                        their chunk jobs are exclusive jobs of the outreach's instance, so they take turns. A running
 *                        chunk holds a job executor thread and two database connections
 * @param chunkSize       how many mails one delivery job sends before it hands its thread back (its next chunk is a
 *                        new job, behind the support cases' jobs and SLA timers of higher priority)
 * @param jobPriority     the delivery jobs' Camunda job priority; the support cases' jobs have the default, 0, so a
 *                        negative one lets them go first (jobExecutorAcquireByPriority)
 * @param giveWayAtMost   how long a delivery worker waits before a mail while the support cases' jobs are due and not
 *                        done (their SLA timers above all), so the blast leaves them the cores; after this it sends
 *                        anyway, so an outreach always goes on
 * @param linkChunk       how many open cases one job of a confirmed incident's linking links at most (each an update
 *                        and a timeline entry); the next ones are a new job, so no job outlasts the job lock however
 *                        many cases are open
 */
@ConfigurationProperties("casedesk.outreach")
public record OutreachProperties(
        @DefaultValue("3") int deliveryWorkers,
        @DefaultValue("25") int chunkSize,
        @DefaultValue("-10") long jobPriority,
        @DefaultValue("PT2S") Duration giveWayAtMost,
        @DefaultValue("500") int linkChunk) {

    public OutreachProperties {
        if (deliveryWorkers < 1 || chunkSize < 1 || linkChunk < 1) {
            throw new IllegalArgumentException(
                    "casedesk.outreach.delivery-workers, chunk-size and link-chunk must be at least 1");
        }
        if (giveWayAtMost.isNegative()) {
            throw new IllegalArgumentException("casedesk.outreach.give-way-at-most must not be negative");
        }
    }
}
