package io.casedesk.mail.process;

import io.casedesk.mail.MailService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

@Component("deliverMail")
class DeliverMailDelegate implements JavaDelegate {

    private static final Pattern REPEATS = Pattern.compile("^R(\\d+)/");

    private final MailService mail;

    DeliverMailDelegate(MailService mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long outboxId = ((Number) execution.getVariable(MailDeliveryStarter.OUTBOX_ID)).longValue();
        try {
            mail.deliver(outboxId);
        } catch (MailException e) {
            // the last failure's message is the incident's in Cockpit: it must tell the person there what to do
            throw new MailNotDelivered(
                    incidentMessage(outboxId, (String) execution.getVariable(MailDeliveryStarter.RETRY_CYCLE), e), e);
        }
    }

    static String incidentMessage(long outboxId, String retryCycle, MailException e) {
        Matcher repeats = REPEATS.matcher(retryCycle == null ? "" : retryCycle);
        String tries = repeats.find() ? repeats.group(1) + " tries" : "its retries";
        return ("SMTP unreachable after %s (casedesk.mail.retry-cycle %s), mail %d not sent: check spring.mail.host "
                        + "and spring.mail.port and that the SMTP server is up, then retry the job. Cause: %s")
                .formatted(tries, retryCycle, outboxId, e.getMostSpecificCause().getMessage());
    }

    /** A delivery the SMTP server did not take; the job is retried, then an incident. */
    static final class MailNotDelivered extends RuntimeException {
        MailNotDelivered(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
