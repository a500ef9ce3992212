package io.casedesk.supportcase;

import io.casedesk.security.process.ModelContract;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What people may send into the support-case flow, and which of its variables are the customer's. */
@Component
class SupportCaseContract implements ModelContract {

    private static final Set<String> AGENT_ANSWER =
            SupportCaseProcess.names(AgentAnswer.VARIABLES.toArray(ProcessVariable<?>[]::new));

    /** The start of a case task's name (CaseTaskView.taskName), after the new-message mark if there is one. */
    private static final Pattern REFERENCE_AND_PRIORITY = Pattern.compile("CASE-\\d+ · P[^ ]*");

    @Override
    public Map<String, Set<String>> taskAnswers() {
        return Map.of(
                SupportCaseProcess.TASK_TROUBLESHOOT,
                AGENT_ANSWER,
                SupportCaseProcess.TASK_ESCALATED,
                AGENT_ANSWER,
                SupportCaseProcess.TASK_CSAT_RECOVERY,
                SupportCaseProcess.names(Vars.RECOVERY_NOTE));
    }

    @Override
    public Map<String, Set<String>> startForms() {
        return Map.of(SupportCaseProcess.KEY, SupportCaseProcess.START_FORM_FIELDS);
    }

    @Override
    public Set<String> personalVariables() {
        return SupportCaseProcess.PERSONAL_VARIABLES;
    }

    /** A case task's name holds the case's subject: history keeps the reference and the priority only. */
    @Override
    public String historicTaskName(String name) {
        Matcher reference = REFERENCE_AND_PRIORITY.matcher(name);
        return reference.find() ? reference.group() : name;
    }

    @Override
    public Set<String> personalDecisionInputs() {
        return Set.of(SupportCaseProcess.INPUT_CASE_TEXT);
    }
}
