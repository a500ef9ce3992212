package io.casedesk.supportcase;

import io.casedesk.mail.MailKind;
import io.casedesk.mail.MailService;
import io.casedesk.mail.ManagerNotice;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.List;
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
        String reference = SupportCaseProcess.caseReference(execution);
        MailKind kind = MailKind.fromModel(Vars.MAIL_KIND.getLocal(execution));
        if (kind.toManagers()) {
            // a case still running on support-case 1.0.0 names its manager mails here: they go out as the notices
            // that replaced them, at once, as they did then
            mail.notifyManagers(
                    reference,
                    new ManagerNotice(
                            switch (kind) {
                                case SLA_WARNING -> "sla-warning";
                                case SLA_BREACH -> "sla-breach";
                                default -> "escalation";
                            },
                            null,
                            Vars.CURRENT_GROUP.get(execution),
                            List.of("managers"),
                            true,
                            execution.getProcessInstanceId()));
            return;
        }
        mail.queue(reference, kind);
    }
}
