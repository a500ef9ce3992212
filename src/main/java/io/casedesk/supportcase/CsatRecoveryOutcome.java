package io.casedesk.supportcase;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** What the manager did to win back an unhappy customer goes on the case's timeline as Task_CsatRecovery completes. */
@Component("csatRecoveryOutcome")
class CsatRecoveryOutcome implements TaskListener {

    private final CaseService cases;

    CsatRecoveryOutcome(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        var user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = user != null ? user.getUserId() : task.getAssignee();
        cases.recordEvent(
                SupportCaseProcess.caseReference(task),
                CaseEventType.CSAT_RECOVERY,
                (by == null ? "" : by + ": ") + Vars.RECOVERY_NOTE.get(task));
    }
}
