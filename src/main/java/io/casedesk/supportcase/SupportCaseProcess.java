package io.casedesk.supportcase;

import static io.casedesk.supportcase.ProcessVariable.bool;
import static io.casedesk.supportcase.ProcessVariable.date;
import static io.casedesk.supportcase.ProcessVariable.decimal;
import static io.casedesk.supportcase.ProcessVariable.integer;
import static io.casedesk.supportcase.ProcessVariable.string;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one place that names the support-case process: its key, element ids, messages and variables. Each variable
 * is a typed descriptor (ProcessVariable), read and written only through it. The names are the ones the models
 * (bpmn/support-case.bpmn, dmn/, forms/) and API.md's readers use, so they do not change.
 */
public final class SupportCaseProcess {

    public static final String KEY = "support-case";
    public static final String TASK_TROUBLESHOOT = "Task_Troubleshoot";
    public static final String TASK_ESCALATED = "Task_Escalated";
    public static final String TASK_CSAT_RECOVERY = "Task_CsatRecovery";
    /** The tasks that show a case (CaseTaskDetails): what a customer message refreshes. */
    public static final List<String> CASE_TASKS = List.of(TASK_TROUBLESHOOT, TASK_ESCALATED, TASK_CSAT_RECOVERY);
    /** The decision input clause (case-category, compliance-check) that reads the customer's words. */
    public static final String INPUT_CASE_TEXT = "Input_CaseText";

    /** The timers of the SLA clock, moved when the clock resumes after waiting on the customer. */
    public static final List<String> SLA_TIMERS = List.of(
            "BoundaryEvent_ResponseDue",
            "BoundaryEvent_ResolutionDue",
            "BoundaryEvent_ResponseFirstWarning",
            "BoundaryEvent_ResponseFinalWarning",
            "BoundaryEvent_ResolutionFirstWarning",
            "BoundaryEvent_ResolutionFinalWarning");

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";
    public static final String MESSAGE_RESOLUTION_CONFIRMED = "ResolutionConfirmed";
    public static final String MESSAGE_RESOLUTION_REJECTED = "ResolutionRejected";
    public static final String MESSAGE_SURVEY_ANSWERED = "SurveyAnswered";

    public static final class Vars {
        public static final ProcessVariable<String> CASE_REFERENCE = string("caseReference");
        public static final ProcessVariable<String> CHANNEL = string("channel");
        public static final ProcessVariable<String> CUSTOMER_TIER = string("customerTier");
        public static final ProcessVariable<String> SEVERITY = string("severity");
        public static final ProcessVariable<Double> SENTIMENT = decimal("sentiment");
        public static final ProcessVariable<Integer> RECENT_CASE_COUNT = integer("recentCaseCount");
        public static final ProcessVariable<String> CASE_TEXT = string("caseText");
        public static final ProcessVariable<String> INTENT = string("intent");
        public static final ProcessVariable<String> CATEGORY = string("category");
        public static final ProcessVariable<Boolean> COMPLIANCE = bool("compliance");
        public static final ProcessVariable<String> PRIORITY = string("priority");
        public static final ProcessVariable<String> RESPONSE_DUE = string("responseDue");
        public static final ProcessVariable<String> RESOLUTION_DUE = string("resolutionDue");
        public static final ProcessVariable<String> SLA_CALENDAR = string("slaCalendar");
        public static final ProcessVariable<Date> RESPONSE_DUE_AT = date("responseDueAt");
        public static final ProcessVariable<Date> RESOLUTION_DUE_AT = date("resolutionDueAt");
        public static final ProcessVariable<Double> SLA_FIRST_WARNING = decimal("slaFirstWarning");
        public static final ProcessVariable<Double> SLA_FINAL_WARNING = decimal("slaFinalWarning");
        public static final ProcessVariable<Date> RESPONSE_FIRST_WARNING_AT = date("responseFirstWarningAt");
        public static final ProcessVariable<Date> RESPONSE_FINAL_WARNING_AT = date("responseFinalWarningAt");
        public static final ProcessVariable<Date> RESOLUTION_FIRST_WARNING_AT = date("resolutionFirstWarningAt");
        public static final ProcessVariable<Date> RESOLUTION_FINAL_WARNING_AT = date("resolutionFinalWarningAt");
        /** Input parameter of the warning tasks: first or final. */
        public static final ProcessVariable<String> WARNING_STAGE = string("warningStage");
        /** The stage of the last warning issued (first or final): what the notification policy weighs. */
        public static final ProcessVariable<String> SLA_WARNING_STAGE = string("slaWarningStage");
        /** Input parameter of the manager notice tasks: escalation, sla-warning or sla-breach. */
        public static final ProcessVariable<String> NOTIFICATION_EVENT = string("notificationEvent");
        /** Whether the last warning task found its target still open (so the manager is told). */
        public static final ProcessVariable<Boolean> SLA_WARNING_ISSUED = bool("slaWarningIssued");

        public static final ProcessVariable<String> CANDIDATE_GROUP = string("candidateGroup");
        public static final ProcessVariable<String> CURRENT_GROUP = string("currentGroup");
        public static final ProcessVariable<String> ESCALATION_TRIGGER = string("escalationTrigger");
        /** The escalation table's verdict; only the model's gateways read it. */
        public static final ProcessVariable<Boolean> ESCALATE = bool("escalate");

        public static final ProcessVariable<String> ESCALATION_GROUP = string("escalationGroup");
        public static final ProcessVariable<Boolean> NOTIFY_MANAGER = bool("notifyManager");
        public static final ProcessVariable<Integer> ESCALATION_LEVEL = integer("escalationLevel");
        public static final ProcessVariable<Boolean> SLA_ESCALATION_PENDING = bool("slaEscalationPending");
        public static final ProcessVariable<Boolean> SLA_BREACHED = bool("slaBreached");
        public static final ProcessVariable<Integer> REOPEN_COUNT = integer("reopenCount");
        /** How far the latest customer message scores below the opening one (escalation table input). */
        public static final ProcessVariable<Double> SENTIMENT_DROP = decimal("sentimentDrop");

        public static final ProcessVariable<Boolean> RESPONDED = bool("responded");
        public static final ProcessVariable<Boolean> RESOLVED = bool("resolved");
        public static final ProcessVariable<Boolean> KNOWLEDGE_GAP = bool("knowledgeGap");
        public static final ProcessVariable<String> OUTCOME = string("outcome");
        public static final ProcessVariable<String> REPLY = string("reply");
        /** Whether the agent's last answer holds a reply for the customer. */
        public static final ProcessVariable<Boolean> HAS_REPLY = bool("hasReply");

        public static final ProcessVariable<String> RESOLUTION = string("resolution");
        public static final ProcessVariable<String> TAGS = string("tags");
        public static final ProcessVariable<Integer> CSAT_SCORE = integer("csatScore");
        public static final ProcessVariable<String> CSAT_COMMENT = string("csatComment");
        /** Input parameter of the mail tasks: which mail to send. */
        public static final ProcessVariable<String> MAIL_KIND = string("mailKind");
        /** Input parameter of the SLA breach and warning tasks: which target. */
        public static final ProcessVariable<String> SLA_TARGET = string("slaTarget");
        /** The manager's note on Task_CsatRecovery. */
        public static final ProcessVariable<String> RECOVERY_NOTE = string("recoveryNote");
        /** Input parameters of the timeline-note tasks: the line's type and text. */
        public static final ProcessVariable<String> NOTE_TYPE = string("noteType");

        public static final ProcessVariable<String> NOTE = string("note");

        // the phone start form (forms/phone-case.form); RegisterCaseDelegate moves them into the case
        public static final ProcessVariable<String> CUSTOMER_EMAIL = string("customerEmail");
        public static final ProcessVariable<String> CUSTOMER_NAME = string("customerName");
        public static final ProcessVariable<String> SUBJECT = string("subject");
        public static final ProcessVariable<String> DESCRIPTION = string("description");
        public static final ProcessVariable<String> ORDER_ID = string("orderId");

        // what CaseTaskDetails shows on a task (task-local, gone with the task)
        public static final ProcessVariable<String> SENTIMENT_TEXT = string("sentimentText");
        public static final ProcessVariable<String> RESPONSE_DUE_TEXT = string("responseDueText");
        public static final ProcessVariable<String> RESOLUTION_DUE_TEXT = string("resolutionDueText");
        public static final ProcessVariable<String> RECENT_CASES_TEXT = string("recentCasesText");
        public static final ProcessVariable<String> TIMELINE_TEXT = string("timelineText");
        public static final ProcessVariable<String> ESCALATION_REASON = string("escalationReason");
        /**
         * The case reference as the task shows it (form, card). Not caseReference: a person's completion may send a
         * task's displayed copies back, and must never carry caseReference (UserCommandGuard).
         */
        public static final ProcessVariable<String> SHOWN_REFERENCE = string("reference");

        public static final ProcessVariable<String> WORST_SENTIMENT_TEXT = string("worstSentimentText");
        /** Every message between customer and agents, newest last; refreshed when the customer writes. */
        public static final ProcessVariable<String> CONVERSATION_TEXT = string("conversationText");
        /** Which deadline the task's follow-up date is, for Tasklist's cards. */
        public static final ProcessVariable<String> NEXT_DEADLINE_TEXT = string("nextDeadlineText");
        /** The next deadline is within two hours: the "Breaching soon" filters list the task. */
        public static final ProcessVariable<Boolean> BREACHING_SOON = bool("breachingSoon");

        // the agent assist on a case task (task-local, gone with the task)
        /** The five most similar resolved cases, their resolution and CSAT. */
        public static final ProcessVariable<String> SIMILAR_CASES_TEXT = string("similarCasesText");
        /** A draft for the reply, which the agent copies into the reply field and edits. */
        public static final ProcessVariable<String> SUGGESTED_REPLY = string("suggestedReply");

        // the automatic answer (Task_LookUpOrder, automatic-answer table, Task_AnswerAutomatically)
        public static final ProcessVariable<Boolean> HAS_ORDER_ID = bool("hasOrderId");
        public static final ProcessVariable<Boolean> ORDER_KNOWN = bool("orderKnown");
        public static final ProcessVariable<String> ORDER_STATUS = string("orderStatus");
        /** The automatic-answer table's verdict; only the model's gateway reads it. */
        public static final ProcessVariable<Boolean> AUTOMATIC_ANSWER = bool("automaticAnswer");
        /** Which answer the table chose (its output template), e.g. order-status. */
        public static final ProcessVariable<String> ANSWER_TEMPLATE = string("answerTemplate");
        /** casedesk answered the case itself: its first "still broken" goes to an agent, not to escalation. */
        public static final ProcessVariable<Boolean> AUTOMATED = bool("automated");

        /** The open case this one likely repeats, and how to merge (CaseTaskDetails). */
        public static final ProcessVariable<String> POSSIBLE_DUPLICATE_TEXT = string("possibleDuplicateText");
        /** What casedesk answered by itself before the task opened (CaseTaskDetails). */
        public static final ProcessVariable<String> AUTOMATIC_ANSWER_TEXT = string("automaticAnswerText");

        /** The agent who opened the case from the phone start form, to be given its first task. */
        public static final ProcessVariable<String> PHONE_AGENT = string("phoneAgent");

        private Vars() {}
    }

    /** The fields of the phone start form: all a person may start the flow with. */
    public static final Set<String> START_FORM_FIELDS = names(
            Vars.CUSTOMER_EMAIL,
            Vars.CUSTOMER_NAME,
            Vars.CUSTOMER_TIER,
            Vars.SUBJECT,
            Vars.DESCRIPTION,
            Vars.ORDER_ID,
            Vars.SEVERITY);

    /** Variables holding the customer's details or words, or an agent's words to them: never kept in history. */
    public static final Set<String> PERSONAL_VARIABLES = names(
            Vars.CUSTOMER_EMAIL,
            Vars.CUSTOMER_NAME,
            Vars.SUBJECT,
            Vars.DESCRIPTION,
            Vars.ORDER_ID,
            Vars.CASE_TEXT,
            Vars.TIMELINE_TEXT,
            Vars.CONVERSATION_TEXT,
            Vars.RECENT_CASES_TEXT,
            Vars.ESCALATION_REASON,
            Vars.CSAT_COMMENT,
            Vars.SIMILAR_CASES_TEXT,
            Vars.SUGGESTED_REPLY,
            Vars.REPLY,
            Vars.RESOLUTION,
            Vars.RECOVERY_NOTE,
            Vars.AUTOMATIC_ANSWER_TEXT);

    private SupportCaseProcess() {}

    /**
     * The case a flow acts on: its process instance's business key, which people cannot change (the variable
     * caseReference is a copy for outside readers, and a variable is something a user might write).
     */
    public static String caseReference(VariableScope scope) {
        if (scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
            return task.getExecution().getProcessBusinessKey();
        }
        throw new IllegalArgumentException("no process instance behind " + scope);
    }

    static Set<String> names(ProcessVariable<?>... variables) {
        return Arrays.stream(variables).map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());
    }
}
