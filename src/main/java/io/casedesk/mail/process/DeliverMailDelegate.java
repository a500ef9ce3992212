package io.casedesk.mail.process;

import io.casedesk.mail.MailService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("deliverMail")
class DeliverMailDelegate implements JavaDelegate {

    private final MailService mail;

    DeliverMailDelegate(MailService mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.deliver(((Number) execution.getVariable(MailDeliveryStarter.OUTBOX_ID)).longValue());
    }
}
