package io.casedesk.supportcase;

import io.casedesk.mail.MailKind;
import io.casedesk.mail.MailService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Queues the mail the model names in the input parameter mailKind, in the transaction of the step before it;
 * the mail-delivery process sends it.
 */
@Component("caseMail")
class CaseMailDelegate implements JavaDelegate {

    private final MailService mail;

    CaseMailDelegate(MailService mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.queue(SupportCaseProcess.caseReference(execution), MailKind.fromModel(Vars.MAIL_KIND.getLocal(execution)));
    }
}
