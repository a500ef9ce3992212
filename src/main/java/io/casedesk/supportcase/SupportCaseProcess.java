package io.casedesk.supportcase;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one place that names the support-case process: its key, element ids, messages and variables.
 * Variables are typed primitives; read them through the accessors below.
 */
public final class SupportCaseProcess {

    public static final String KEY = "support-case";
    public static final String TASK_TROUBLESHOOT = "Task_Troubleshoot";
    public static final String TASK_ESCALATED = "Task_Escalated";
    public static final String TASK_CSAT_RECOVERY = "Task_CsatRecovery";
    /** The decision input clause (case-category, compliance-check) that reads the customer's words. */
    public static final String INPUT_CASE_TEXT = "Input_CaseText";

    /** The timers of the SLA clock, moved when the clock resumes after waiting on the customer. */
    public static final java.util.List<String> SLA_TIMERS = java.util.List.of("BoundaryEvent_ResponseDue",
            "BoundaryEvent_ResolutionDue", "BoundaryEvent_ResponseFirstWarning", "BoundaryEvent_ResponseFinalWarning",
            "BoundaryEvent_ResolutionFirstWarning", "BoundaryEvent_ResolutionFinalWarning");

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";
    public static final String MESSAGE_RESOLUTION_CONFIRMED = "ResolutionConfirmed";
    public static final String MESSAGE_RESOLUTION_REJECTED = "ResolutionRejected";
    public static final String MESSAGE_SURVEY_ANSWERED = "SurveyAnswered";

    public static final class Vars {
        public static final String CASE_REFERENCE = "caseReference";
        public static final String CHANNEL = "channel";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String SEVERITY = "severity";
        public static final String SENTIMENT = "sentiment";
        public static final String RECENT_CASE_COUNT = "recentCaseCount";
        public static final String CASE_TEXT = "caseText";
        public static final String INTENT = "intent";
        public static final String CATEGORY = "category";
        public static final String COMPLIANCE = "compliance";
        public static final String PRIORITY = "priority";
        public static final String RESPONSE_DUE = "responseDue";
        public static final String RESOLUTION_DUE = "resolutionDue";
        public static final String SLA_CALENDAR = "slaCalendar";
        public static final String RESPONSE_DUE_AT = "responseDueAt";
        public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
        public static final String SLA_FIRST_WARNING = "slaFirstWarning";
        public static final String SLA_FINAL_WARNING = "slaFinalWarning";
        public static final String RESPONSE_FIRST_WARNING_AT = "responseFirstWarningAt";
        public static final String RESPONSE_FINAL_WARNING_AT = "responseFinalWarningAt";
        public static final String RESOLUTION_FIRST_WARNING_AT = "resolutionFirstWarningAt";
        public static final String RESOLUTION_FINAL_WARNING_AT = "resolutionFinalWarningAt";
        /** Input parameter of the warning tasks: first or final. */
        public static final String WARNING_STAGE = "warningStage";
        /** Whether the last warning task found its target still open (so the manager is told). */
        public static final String SLA_WARNING_ISSUED = "slaWarningIssued";
        public static final String CANDIDATE_GROUP = "candidateGroup";
        public static final String CURRENT_GROUP = "currentGroup";
        public static final String ESCALATION_TRIGGER = "escalationTrigger";
        public static final String ESCALATE = "escalate";
        public static final String ESCALATION_GROUP = "escalationGroup";
        public static final String NOTIFY_MANAGER = "notifyManager";
        public static final String ESCALATION_LEVEL = "escalationLevel";
        public static final String SLA_ESCALATION_PENDING = "slaEscalationPending";
        public static final String SLA_BREACHED = "slaBreached";
        public static final String REOPEN_COUNT = "reopenCount";
        public static final String RESPONDED = "responded";
        public static final String RESOLVED = "resolved";
        public static final String KNOWLEDGE_GAP = "knowledgeGap";
        public static final String OUTCOME = "outcome";
        public static final String REPLY = "reply";
        /** Whether the agent's last answer holds a reply for the customer. */
        public static final String HAS_REPLY = "hasReply";
        public static final String RESOLUTION = "resolution";
        public static final String TAGS = "tags";
        public static final String CSAT_SCORE = "csatScore";
        public static final String CSAT_COMMENT = "csatComment";
        /** Input parameter of the mail tasks: which mail to send. */
        public static final String MAIL_KIND = "mailKind";
        /** Input parameter of the SLA breach task: which target was breached. */
        public static final String SLA_TARGET = "slaTarget";
        /** The manager's note on Task_CsatRecovery. */
        public static final String RECOVERY_NOTE = "recoveryNote";

        // the phone start form (forms/phone-case.form); RegisterCaseDelegate moves them into the case
        public static final String CUSTOMER_EMAIL = "customerEmail";
        public static final String CUSTOMER_NAME = "customerName";
        public static final String SUBJECT = "subject";
        public static final String DESCRIPTION = "description";
        public static final String ORDER_ID = "orderId";

        // what CaseTaskDetails shows on a task (task-local, gone with the task)
        public static final String SENTIMENT_TEXT = "sentimentText";
        public static final String RESPONSE_DUE_TEXT = "responseDueText";
        public static final String RESOLUTION_DUE_TEXT = "resolutionDueText";
        public static final String RECENT_CASES_TEXT = "recentCasesText";
        public static final String TIMELINE_TEXT = "timelineText";
        public static final String ESCALATION_REASON = "escalationReason";

        private Vars() {
        }
    }

    /** The fields of the phone start form: all a person may start the flow with. */
    public static final java.util.Set<String> START_FORM_FIELDS = java.util.Set.of(Vars.CUSTOMER_EMAIL,
            Vars.CUSTOMER_NAME, Vars.CUSTOMER_TIER, Vars.SUBJECT, Vars.DESCRIPTION, Vars.ORDER_ID, Vars.SEVERITY);

    /** Variables holding the customer's details or words, or an agent's words to them: never kept in history. */
    public static final java.util.Set<String> PERSONAL_VARIABLES = java.util.Set.of(Vars.CUSTOMER_EMAIL,
            Vars.CUSTOMER_NAME, Vars.SUBJECT, Vars.DESCRIPTION, Vars.ORDER_ID, Vars.CASE_TEXT, Vars.TIMELINE_TEXT,
            Vars.RECENT_CASES_TEXT, Vars.ESCALATION_REASON, Vars.CSAT_COMMENT, Vars.REPLY, Vars.RESOLUTION,
            Vars.RECOVERY_NOTE);

    private SupportCaseProcess() {
    }

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

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static boolean flag(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    public static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    public static Double decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public static Date date(VariableScope scope, String name) {
        return (Date) scope.getVariable(name);
    }
}
