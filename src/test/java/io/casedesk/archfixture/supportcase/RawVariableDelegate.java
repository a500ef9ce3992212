package io.casedesk.archfixture.supportcase;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A delegate that reads and writes a variable by name, past the typed descriptors (forbidden). */
public class RawVariableDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object priority = execution.getVariable("priority");
        execution.setVariable("escalate", "P1".equals(priority));
    }
}
