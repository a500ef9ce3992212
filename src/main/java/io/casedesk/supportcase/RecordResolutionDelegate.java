package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordResolution")
class RecordResolutionDelegate implements JavaDelegate {

    private final CaseWork work;

    RecordResolutionDelegate(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.resolved(
                caseReference(execution),
                Vars.RESOLUTION.get(execution),
                Vars.TAGS.get(execution),
                Vars.KNOWLEDGE_GAP.getOrDefault(execution, false));
        Vars.RESOLVED.set(execution, true);
        Vars.SLA_ESCALATION_PENDING.set(execution, false);
    }
}
