package io.casedesk.mail;

/** Schedules the retried job that sends a queued mail, or a queued webhook message (implemented by the engine glue). */
public interface MailDelivery {

    void schedule(long outboxId, String caseReference);

    /** The message to a chat or social integration's webhook (ChannelWebhooks), beside the mail it copies. */
    void scheduleWebhook(long webhookId, String caseReference);

    /** Schedules the job to run no earlier than the given time (a manager notice waiting for the case's next ones). */
    void schedule(long outboxId, String caseReference, java.time.Instant notBefore);
}
