package io.casedesk.supportcase;

import io.casedesk.prevention.PreventionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("requestPrevention")
class RequestPreventionDelegate implements JavaDelegate {

    private final PreventionService prevention;

    RequestPreventionDelegate(PreventionService prevention) {
        this.prevention = prevention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        prevention.requestFor(SupportCaseProcess.caseReference(execution));
    }
}
