package io.casedesk.mail.process;

import io.casedesk.mail.MailDelivery;
import io.casedesk.mail.MailSettings;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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
    private final ManagementService management;
    private final String retryCycle;

    MailDeliveryStarter(RuntimeService runtime, ManagementService management, MailSettings settings) {
        this.runtime = runtime;
        this.management = management;
        this.retryCycle = settings.retryCycle();
    }

    @Override
    public void schedule(long outboxId, String caseReference) {
        start(outboxId, caseReference);
    }

    @Override
    public void schedule(long outboxId, String caseReference, Instant notBefore) {
        String instance = start(outboxId, caseReference);
        Date due = Date.from(notBefore);
        // the job is not yet flushed when the start ran inside a flow's command (a delegate queued the mail): it is
        // then in that command's cache; otherwise it is in the database of the same transaction
        ((ServiceImpl) management).getCommandExecutor().execute((Command<Void>) context -> {
            // (the cache keeps a job under its own class, a MessageEntity, so look at every cached entity)
            context.getDbEntityManager().getDbEntityCache().getCachedEntities().stream()
                    .map(CachedDbEntity::getEntity)
                    .filter(JobEntity.class::isInstance)
                    .map(JobEntity.class::cast)
                    .filter(job -> instance.equals(job.getProcessInstanceId()))
                    .forEach(job -> job.setDuedate(due));
            context.getJobManager().findJobsByProcessInstanceId(instance).forEach(job -> job.setDuedate(due));
            return null;
        });
    }

    private String start(long outboxId, String caseReference) {
        return runtime.startProcessInstanceByKey(
                        KEY,
                        caseReference,
                        Variables.createVariables()
                                .putValue(OUTBOX_ID, outboxId)
                                .putValue(RETRY_CYCLE, retryCycle))
                .getId();
    }
}
