package io.casedesk.mail;

/** Schedules the retried job that sends a queued mail, or a queued webhook message (implemented by the engine glue). */
public interface MailDelivery {

    void schedule(long outboxId, String caseReference);

    /** The message to a chat or social integration's webhook (ChannelWebhooks), beside the mail it copies. */
    void scheduleWebhook(long webhookId, String caseReference);
}
