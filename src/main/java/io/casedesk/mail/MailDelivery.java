package io.casedesk.mail;

/** Schedules the retried job that sends a queued mail (implemented by the engine glue). */
public interface MailDelivery {

    void schedule(long outboxId, String caseReference);
}
