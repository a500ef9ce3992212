package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.mail.MailService;
import io.casedesk.mail.ManagerNotice;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A manager notice (input parameter notificationEvent: escalation, sla-warning, sla-breach; slaTarget on the
 * warnings): the notification policy decides whether, whom and how urgently, mail groups and sends it.
 */
@Component("notifyManagers")
class NotifyManagersDelegate implements JavaDelegate {

    static final String SLA_WARNING = "sla-warning";

    private final NotificationPolicy policy;
    private final MailService mail;

    NotifyManagersDelegate(NotificationPolicy policy, MailService mail) {
        this.policy = policy;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String event = Vars.NOTIFICATION_EVENT.getLocal(execution);
        String stage = SLA_WARNING.equals(event) ? Vars.SLA_WARNING_STAGE.get(execution) : null;
        NotificationPolicy.Verdict verdict = policy.decide(execution, event, stage);
        if (!verdict.tell() || verdict.audience().isEmpty()) {
            return;
        }
        mail.notifyManagers(
                caseReference(execution),
                new ManagerNotice(
                        event,
                        detail(execution, event, stage),
                        Vars.CURRENT_GROUP.get(execution),
                        verdict.audience(),
                        verdict.urgent(),
                        execution.getProcessInstanceId()));
    }

    private static String detail(DelegateExecution execution, String event, String stage) {
        if (SLA_WARNING.equals(event)) {
            String target = Vars.SLA_TARGET.getLocal(execution);
            return ("response".equals(target) ? "first response" : target) + ", " + stage + " warning";
        }
        if ("escalation".equals(event)) {
            return "by " + Vars.ESCALATION_TRIGGER.get(execution);
        }
        return null;
    }
}
