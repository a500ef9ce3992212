package io.casedesk.supportcase;

import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One process variable: its name and its type, and the only way the flow's glue reads or writes it (as holunda's
 * camunda-bpm-data does). Reading checks the stored value's type, so a wrong value fails here with the variable's
 * name instead of as a ClassCastException somewhere later; writing always stores a typed value, so a null keeps its
 * type too. ArchitectureRules keeps every other class of supportcase off VariableScope's variable methods.
 */
public final class ProcessVariable<T> {

    private final String name;
    private final Class<T> type;
    private final Function<Object, T> reader;
    private final Function<T, TypedValue> writer;

    private ProcessVariable(String name, Class<T> type, Function<Object, T> reader, Function<T, TypedValue> writer) {
        this.name = name;
        this.type = type;
        this.reader = reader;
        this.writer = writer;
    }

    public static ProcessVariable<String> string(String name) {
        return exactly(name, String.class, Variables::stringValue);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return exactly(name, Boolean.class, Variables::booleanValue);
    }

    public static ProcessVariable<Integer> integer(String name) {
        return exactly(name, Integer.class, Variables::integerValue);
    }

    /**
     * A number with a fraction. Any number is read: a table whose output has no declared type gives 1 as a Long,
     * and that is still the number the process owner meant.
     */
    public static ProcessVariable<Double> decimal(String name) {
        return new ProcessVariable<>(
                name,
                Double.class,
                value -> value instanceof Number number ? number.doubleValue() : null,
                Variables::doubleValue);
    }

    public static ProcessVariable<Date> date(String name) {
        return exactly(name, Date.class, Variables::dateValue);
    }

    private static <T> ProcessVariable<T> exactly(String name, Class<T> type, Function<T, TypedValue> writer) {
        return new ProcessVariable<>(name, type, value -> type.isInstance(value) ? type.cast(value) : null, writer);
    }

    public String name() {
        return name;
    }

    /** The value seen from the scope (its own or an enclosing one's); null when the variable is not set. */
    public T get(VariableScope scope) {
        return read(scope.getVariable(name));
    }

    public T getOrDefault(VariableScope scope, T fallback) {
        T value = get(scope);
        return value == null ? fallback : value;
    }

    public Optional<T> getOptional(VariableScope scope) {
        return Optional.ofNullable(get(scope));
    }

    /** The scope's own value only: an input parameter of a task, a task-local variable. */
    public T getLocal(VariableScope scope) {
        return read(scope.getVariableLocal(name));
    }

    /** Sets the variable where it already lives, else on the process instance (the engine's rule). */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, writer.apply(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, writer.apply(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ")";
    }

    private T read(Object value) {
        if (value == null) {
            return null;
        }
        T typed = reader.apply(value);
        if (typed == null) {
            throw new WrongTypeException(this, value);
        }
        return typed;
    }

    /** Several typed values at once: for a VariableMap (a start, a correlation, a task) or for a scope. */
    public static Values values() {
        return new Values();
    }

    /** Typed values of several variables, collected before they are handed to the engine in one go. */
    public static final class Values {

        private final VariableMap map = Variables.createVariables();

        private Values() {}

        public <T> Values with(ProcessVariable<T> variable, T value) {
            map.putValueTyped(variable.name, variable.writer.apply(value));
            return this;
        }

        /**
         * A value that lives only as long as the engine's command: the customer's words for the classification
         * tables, never stored in the engine's tables.
         */
        public Values withTransient(ProcessVariable<String> variable, String value) {
            map.putValueTyped(variable.name, Variables.stringValue(value, true));
            return this;
        }

        public VariableMap asMap() {
            return map;
        }

        public void setOn(VariableScope scope) {
            scope.setVariables(map);
        }

        /** On the scope itself (a task's own variables), never on an enclosing one. */
        public void setLocalOn(VariableScope scope) {
            scope.setVariablesLocal(map);
        }
    }

    /** A variable holds a value of another type than its descriptor says: a person or a model wrote it wrongly. */
    public static final class WrongTypeException extends ProcessEngineException {

        private final String variable;

        WrongTypeException(ProcessVariable<?> variable, Object value) {
            super("Process variable " + variable.name + " holds a "
                    + value.getClass().getSimpleName() + ", not a " + variable.type.getSimpleName());
            this.variable = variable.name;
        }

        public String variable() {
            return variable;
        }
    }
}
