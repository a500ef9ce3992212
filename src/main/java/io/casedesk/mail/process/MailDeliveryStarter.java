package io.casedesk.mail.process;

import io.casedesk.mail.MailDelivery;
import io.casedesk.mail.MailSettings;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Every queued mail gets a mail-delivery instance (business key = case reference) whose asynchronous task is the
 * retried job: an SMTP outage shows in Cockpit as an incident on that task, and a retry there sends the mail.
 */
@Component
class MailDeliveryStarter implements MailDelivery {

    static final String KEY = "mail-delivery";
    static final String OUTBOX_ID = "outboxId";
    /** Read by the model's failedJobRetryTimeCycle. */
    static final String RETRY_CYCLE = "retryCycle";

    private final RuntimeService runtime;
    private final String retryCycle;

    MailDeliveryStarter(RuntimeService runtime, MailSettings settings) {
        this.runtime = runtime;
        this.retryCycle = settings.retryCycle();
    }

    @Override
    public void schedule(long outboxId, String caseReference) {
        runtime.startProcessInstanceByKey(
                KEY,
                caseReference,
                Variables.createVariables().putValue(OUTBOX_ID, outboxId).putValue(RETRY_CYCLE, retryCycle));
    }
}
