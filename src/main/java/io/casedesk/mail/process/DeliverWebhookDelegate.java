package io.casedesk.mail.process;

import io.casedesk.mail.ChannelWebhooks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("deliverWebhook")
class DeliverWebhookDelegate implements JavaDelegate {

    private final ChannelWebhooks webhooks;

    DeliverWebhookDelegate(ChannelWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        webhooks.deliver(((Number) execution.getVariable(MailDeliveryStarter.WEBHOOK_ID)).longValue());
    }
}
