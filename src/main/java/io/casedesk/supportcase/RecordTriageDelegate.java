package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.*;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.Triage;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes what the triage tables decided onto the case, and sets up the counters the rest of the flow reads. */
@Component("recordTriage")
class RecordTriageDelegate implements JavaDelegate {

    private final CaseService cases;

    RecordTriageDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String candidateGroup = string(execution, Vars.CANDIDATE_GROUP);
        cases.recordTriage(caseReference(execution), new Triage(string(execution, Vars.SEVERITY),
                string(execution, Vars.INTENT), string(execution, Vars.CATEGORY), flag(execution, Vars.COMPLIANCE),
                string(execution, Vars.PRIORITY), candidateGroup));
        execution.setVariable(Vars.CURRENT_GROUP, candidateGroup);
        execution.setVariable(Vars.ESCALATION_LEVEL, 0);
        execution.setVariable(Vars.SLA_ESCALATION_PENDING, false);
        execution.setVariable(Vars.RESPONDED, false);
        execution.setVariable(Vars.RESOLVED, false);
        execution.setVariable(Vars.KNOWLEDGE_GAP, false);
    }
}
