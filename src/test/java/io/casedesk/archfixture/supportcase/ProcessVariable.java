package io.casedesk.archfixture.supportcase;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The fixture's descriptor class: the one place allowed to touch VariableScope's variables. */
public class ProcessVariable {

    private final String name;

    public ProcessVariable(String name) {
        this.name = name;
    }

    public Object get(VariableScope scope) {
        return scope.getVariable(name);
    }

    /** Nested classes of the descriptor are part of it. */
    public static class Values {

        public void setOn(VariableScope scope) {
            scope.setVariables(java.util.Map.of());
        }
    }
}
