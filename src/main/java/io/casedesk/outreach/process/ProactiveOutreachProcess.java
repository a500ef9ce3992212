package io.casedesk.outreach.process;

import io.casedesk.outreach.OutreachKind;
import java.util.Locale;

/** The one place that names the proactive-outreach process: key, element ids and typed variables. */
final class ProactiveOutreachProcess {

    static final String KEY = "proactive-outreach";
    static final String TASK_OPS_REVIEW = "Task_OpsReview";
    static final String TASK_INCIDENT_FOLLOW_UP = "Task_IncidentFollowUp";
    /** The step that links a confirmed incident's open cases, a chunk per job (since model 1.3.0). */
    static final String TASK_LINK_OPEN_CASES = "Task_LinkOpenCases";

    static final String CONFIRM = "confirm";
    static final String DISMISS = "dismiss";

    static final Variable<Long> INCIDENT_ID = Variable.number("incidentId");
    static final Variable<String> INCIDENT_KIND = Variable.string("incidentKind");
    static final Variable<String> INCIDENT_KEY = Variable.string("incidentKey");
    /** Task_OpsReview's answer: {@value #CONFIRM} or {@value #DISMISS}; the model's gateway reads it. */
    static final Variable<String> DECISION = Variable.string("decision");

    static final Variable<String> SUBJECT = Variable.string("subject");
    /** The announcement (Task_OpsReview), then the follow-up (Task_IncidentFollowUp). */
    static final Variable<String> MESSAGE = Variable.string("message");

    static final Variable<String> EXTRA_RECIPIENTS = Variable.string("extraRecipients");
    static final Variable<String> REASON = Variable.string("reason");

    /** Which mails a delivery task sends (its input parameter): {@code announcement} or {@code follow_up}. */
    static final Variable<String> MAIL_KIND = Variable.string("mailKind");
    /** Read by the model: how many delivery workers, and each worker's job priority. */
    static final Variable<Long> DELIVERY_WORKERS = Variable.number("deliveryWorkers");

    static final Variable<Long> JOB_PRIORITY = Variable.number("deliveryJobPriority");
    /**
     * The outreach-delivery process that each delivery worker is (one instance per worker, called by a parallel
     * multi-instance call activity, so the workers' exclusive jobs do not wait for each other); the call activity hands
     * it the multi-instance's counter as which worker it is.
     */
    static final String DELIVERY_KEY = "outreach-delivery";

    static final Variable<Long> WORKER = Variable.number("worker");
    /** Read by the model's loop: whether this worker has mails left. */
    static final Variable<Boolean> MORE_TO_SEND = Variable.bool("moreToSend");

    /**
     * The linking of a confirmed incident's open cases, a chunk per job: the id of the last case looked at (the next
     * chunk goes on after it), how many were linked so far, and (read by the model's loop) whether cases are left.
     */
    static final Variable<Long> LINKED_UP_TO = Variable.number("linkedUpToCaseId");

    static final Variable<Long> CASES_LINKED = Variable.number("casesLinked");
    static final Variable<Boolean> MORE_TO_LINK = Variable.bool("moreToLink");

    static final Variable<Long> QUEUED = Variable.number("mailsQueued");
    static final Variable<Long> TICKET_ID = Variable.number("preventionTicketId");
    /** Read by the model's timer: when the prevention is checked. */
    static final Variable<java.util.Date> CHECK_AT = Variable.date("preventionCheckAt");

    /** Task-local copies of the evidence that Task_OpsReview's form shows. */
    static final Variable<String> EVIDENCE_SUMMARY = Variable.string("evidenceSummary");

    static final Variable<String> EVIDENCE_CASES = Variable.string("evidenceCases");
    static final Variable<String> EVIDENCE_SAMPLES = Variable.string("evidenceSamples");
    static final Variable<String> EVIDENCE_SENTIMENT = Variable.string("evidenceSentiment");

    private ProactiveOutreachProcess() {}

    static String businessKey(long incidentId) {
        return "INC-" + incidentId;
    }

    static OutreachKind mailKind(String wire) {
        return OutreachKind.valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
