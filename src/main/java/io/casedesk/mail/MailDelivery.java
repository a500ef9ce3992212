package io.casedesk.mail;

/** Schedules the retried job that sends a queued mail (implemented by the engine glue). */
public interface MailDelivery {

    void schedule(long outboxId, String caseReference);

    /** Schedules the job to run no earlier than the given time (a manager notice waiting for the case's next ones). */
    void schedule(long outboxId, String caseReference, java.time.Instant notBefore);
}
