package io.casedesk.supportcase;

import io.casedesk.security.process.ModelContract;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What people may send into the support-case flow, and which of its variables are the customer's. */
@Component
class SupportCaseContract implements ModelContract {

    private static final Set<String> AGENT_ANSWER =
            SupportCaseProcess.names(AgentAnswer.VARIABLES.toArray(ProcessVariable<?>[]::new));

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

    @Override
    public Set<String> personalDecisionInputs() {
        return Set.of(SupportCaseProcess.INPUT_CASE_TEXT);
    }
}
