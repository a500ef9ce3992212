package io.casedesk.mail.process;

import static org.mockito.Mockito.mock;

import io.casedesk.mail.ChannelWebhooks;
import io.casedesk.mail.MailService;
import io.casedesk.mail.MailSettings;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The engine glue of mail-delivery (its delegates and its starter), built by their constructors on a mocked mail
 * service and mocked channel webhooks, with the retry cycle of application.yaml. The one place that knows the constructors.
 */
final class MailDeliveryGlue {

    static final String RETRY_CYCLE = "R3/PT5M";

    final MailService mail = mock(MailService.class);
    final ChannelWebhooks webhooks = mock(ChannelWebhooks.class);

    Map<String, Object> beans() {
        return Map.of(
                "deliverMail", new DeliverMailDelegate(mail), "deliverWebhook", new DeliverWebhookDelegate(webhooks));
    }

    MailDeliveryStarter starter(ProcessEngine engine) {
        return new MailDeliveryStarter(
                engine.getRuntimeService(),
                new MailSettings(
                        "support@casedesk.local",
                        "managers@casedesk.local",
                        "casedesk.local",
                        RETRY_CYCLE,
                        java.time.Duration.ofMinutes(10),
                        java.util.Map.of()));
    }
}
