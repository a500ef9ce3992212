package io.casedesk.outreach.process;

import static io.casedesk.outreach.process.ProactiveOutreachProcess.*;

import io.casedesk.outreach.OutreachProperties;
import io.casedesk.outreach.OutreachService;
import io.casedesk.prevention.PreventionProperties;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The proactive-outreach's service tasks: typed variables in, one service call, typed variables out. */
final class OutreachDelegates {

    private OutreachDelegates() {}

    @Component("dismissIncident")
    static class Dismiss implements JavaDelegate {
        private final OutreachService outreach;

        Dismiss(OutreachService outreach) {
            this.outreach = outreach;
        }

        @Override
        public void execute(DelegateExecution execution) {
            outreach.dismiss(INCIDENT_ID.require(execution), REASON.get(execution));
        }
    }

    /**
     * Confirms and queues the announcement. An instance still on a model before 1.3.0 has no linking step after this
     * one (its confirmation linked the open cases itself), so for it the open cases are linked here, chunk after
     * chunk in this one job, as that model did.
     */
    @Component("confirmIncident")
    static class Confirm implements JavaDelegate {
        private final OutreachService outreach;
        private final OutreachProperties settings;

        Confirm(OutreachService outreach, OutreachProperties settings) {
            this.outreach = outreach;
            this.settings = settings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long incidentId = INCIDENT_ID.require(execution);
            String subject = SUBJECT.require(execution);
            int queued =
                    outreach.confirm(incidentId, subject, MESSAGE.require(execution), EXTRA_RECIPIENTS.get(execution));
            QUEUED.set(execution, (long) queued);
            if (execution.getBpmnModelInstance().getModelElementById(TASK_LINK_OPEN_CASES) == null) {
                OutreachService.LinkedChunk chunk;
                long after = 0;
                do {
                    chunk = outreach.linkOpenCases(incidentId, subject, after, settings.linkChunk());
                    after = chunk.lastCaseId();
                } while (chunk.more());
            }
        }
    }

    /**
     * One chunk of the confirmed incident's open cases, linked in this job's transaction together with where the next
     * chunk starts; the model loops while cases are left.
     */
    @Component("linkOpenCases")
    static class LinkOpenCases implements JavaDelegate {
        private final OutreachService outreach;
        private final OutreachProperties settings;

        LinkOpenCases(OutreachService outreach, OutreachProperties settings) {
            this.outreach = outreach;
            this.settings = settings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Long after = LINKED_UP_TO.get(execution);
            Long linkedBefore = CASES_LINKED.get(execution);
            OutreachService.LinkedChunk chunk = outreach.linkOpenCases(
                    INCIDENT_ID.require(execution),
                    SUBJECT.require(execution),
                    after == null ? 0 : after,
                    settings.linkChunk());
            LINKED_UP_TO.set(execution, chunk.lastCaseId());
            CASES_LINKED.set(execution, (linkedBefore == null ? 0 : linkedBefore) + chunk.linked());
            MORE_TO_LINK.set(execution, chunk.more());
        }
    }

    /** One chunk of one worker's share (outreach-delivery); the model loops while the worker has mails left. */
    @Component("sendOutreachMails")
    static class Send implements JavaDelegate {
        private final OutreachService outreach;
        private final OutreachProperties settings;

        Send(OutreachService outreach, OutreachProperties settings) {
            this.outreach = outreach;
            this.settings = settings;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean more = outreach.sendChunk(
                    INCIDENT_ID.require(execution),
                    mailKind(MAIL_KIND.require(execution)),
                    WORKER.require(execution).intValue(),
                    DELIVERY_WORKERS.require(execution).intValue(),
                    settings.chunkSize());
            MORE_TO_SEND.set(execution, more);
        }
    }

    @Component("closeIncident")
    static class Close implements JavaDelegate {
        private final OutreachService outreach;

        Close(OutreachService outreach) {
            this.outreach = outreach;
        }

        @Override
        public void execute(DelegateExecution execution) {
            int queued = outreach.close(INCIDENT_ID.require(execution), MESSAGE.require(execution));
            QUEUED.set(execution, (long) queued);
        }
    }

    @Component("handToPrevention")
    static class HandToPrevention implements JavaDelegate {
        private final OutreachService outreach;
        private final PreventionProperties prevention;
        private final Clock clock;

        HandToPrevention(OutreachService outreach, PreventionProperties prevention, Clock clock) {
            this.outreach = outreach;
            this.prevention = prevention;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            TICKET_ID.set(execution, outreach.handToPrevention(INCIDENT_ID.require(execution)));
            CHECK_AT.set(execution, Date.from(clock.instant().plus(prevention.checkAfter())));
        }
    }

    @Component("checkPrevention")
    static class CheckPrevention implements JavaDelegate {
        private final OutreachService outreach;

        CheckPrevention(OutreachService outreach) {
            this.outreach = outreach;
        }

        @Override
        public void execute(DelegateExecution execution) {
            outreach.checkPrevention(INCIDENT_ID.require(execution), TICKET_ID.require(execution));
        }
    }
}
