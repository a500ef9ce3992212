package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

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
        String candidateGroup = Vars.CANDIDATE_GROUP.get(execution);
        cases.recordTriage(
                caseReference(execution),
                new Triage(
                        Vars.SEVERITY.get(execution),
                        Vars.INTENT.get(execution),
                        Vars.CATEGORY.get(execution),
                        Vars.COMPLIANCE.getOrDefault(execution, false),
                        Vars.PRIORITY.get(execution),
                        candidateGroup));
        Vars.CURRENT_GROUP.set(execution, candidateGroup);
        Vars.ESCALATION_LEVEL.set(execution, 0);
        Vars.SLA_ESCALATION_PENDING.set(execution, false);
        Vars.RESPONDED.set(execution, false);
        Vars.RESOLVED.set(execution, false);
        Vars.KNOWLEDGE_GAP.set(execution, false);
        Vars.AUTOMATED.set(execution, false);
    }
}
