package io.casedesk.mail.process;

import io.casedesk.mail.MailDelivery;
import io.casedesk.mail.MailSettings;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
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

    /** Read by the model's gateway and timer: whether the message waits, and until when. */
    static final String HELD = "held";

    static final String HOLD_UNTIL = "holdUntil";

    private final RuntimeService runtime;
    private final String retryCycle;

    MailDeliveryStarter(RuntimeService runtime, MailSettings settings) {
        this.runtime = runtime;
        this.retryCycle = settings.retryCycle();
    }

    @Override
    public void schedule(long outboxId, String caseReference) {
        start(Variables.createVariables().putValue(OUTBOX_ID, outboxId), caseReference, MAIL, null);
    }

    @Override
    public void schedule(long outboxId, String caseReference, Instant notBefore) {
        start(Variables.createVariables().putValue(OUTBOX_ID, outboxId), caseReference, MAIL, notBefore);
    }

    @Override
    public void scheduleWebhook(long webhookId, String caseReference) {
        start(Variables.createVariables().putValue(WEBHOOK_ID, webhookId), caseReference, WEBHOOK, null);
    }

    /** A held message waits on the model's timer until {@code notBefore} (a manager notice gathering the next ones). */
    private void start(VariableMap message, String caseReference, String kind, Instant notBefore) {
        message.putValue(DELIVERY_KIND, kind).putValue(RETRY_CYCLE, retryCycle).putValue(HELD, notBefore != null);
        if (notBefore != null) {
            message.putValue(HOLD_UNTIL, Date.from(notBefore));
        }
        runtime.startProcessInstanceByKey(KEY, caseReference, message);
    }
}
