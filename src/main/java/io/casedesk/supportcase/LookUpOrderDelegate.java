package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What the automatic-answer table weighs about the case's order: named at all, known, and its status. */
@Component("lookUpOrder")
class LookUpOrderDelegate implements JavaDelegate {

    private final AutomaticAnswers answers;

    LookUpOrderDelegate(AutomaticAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AutomaticAnswers.OrderLookup order = answers.lookUp(caseReference(execution));
        Vars.HAS_ORDER_ID.set(execution, order.hasOrderId());
        Vars.ORDER_KNOWN.set(execution, order.known());
        Vars.ORDER_STATUS.set(execution, order.status());
    }
}
