package io.casedesk.mail.process;

import io.casedesk.mail.MailDelivery;
import io.casedesk.mail.MailSettings;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Every queued mail, and every webhook copy of a chat or social customer's mail, gets a mail-delivery instance of its
 * own (business key = case reference) whose asynchronous task is the retried job: an SMTP or integration outage shows
 * in Cockpit as an incident on that task, and a retry there sends the message. One instance per message keeps a mail
 * from waiting on a webhook that is down, and the other way round.
 */
@Component
class MailDeliveryStarter implements MailDelivery {

    static final String KEY = "mail-delivery";
    static final String OUTBOX_ID = "outboxId";
    static final String WEBHOOK_ID = "webhookId";
    /** Read by the model's gateway: {@value #WEBHOOK} or {@value #MAIL}. */
    static final String DELIVERY_KIND = "deliveryKind";

    static final String MAIL = "mail";
    static final String WEBHOOK = "webhook";
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
                Variables.createVariables()
                        .putValue(DELIVERY_KIND, MAIL)
                        .putValue(OUTBOX_ID, outboxId)
                        .putValue(RETRY_CYCLE, retryCycle));
    }

    @Override
    public void scheduleWebhook(long webhookId, String caseReference) {
        runtime.startProcessInstanceByKey(
                KEY,
                caseReference,
                Variables.createVariables()
                        .putValue(DELIVERY_KIND, WEBHOOK)
                        .putValue(WEBHOOK_ID, webhookId)
                        .putValue(RETRY_CYCLE, retryCycle));
    }
}
