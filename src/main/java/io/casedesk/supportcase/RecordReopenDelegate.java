package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Still broken": a repeat failure, which the escalation table weighs next. */
@Component("recordReopen")
class RecordReopenDelegate implements JavaDelegate {

    private final CaseWork work;

    RecordReopenDelegate(CaseWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.reopened(caseReference(execution));
        Vars.REOPEN_COUNT.set(execution, Vars.REOPEN_COUNT.getOrDefault(execution, 0) + 1);
        Vars.RESOLVED.set(execution, false);
        Vars.ESCALATION_TRIGGER.set(execution, "reopen");
    }
}
