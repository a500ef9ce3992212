package io.casedesk.supportcase;

import io.casedesk.cases.CaseService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseService cases;

    CloseCaseDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close(SupportCaseProcess.caseReference(execution));
    }
}
