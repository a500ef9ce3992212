package io.casedesk.outreach.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One variable of the proactive-outreach process with its type: the glue reads and writes it only through this, so a
 * value of the wrong type fails here with the variable's name, and a write always stores a typed value.
 */
record Variable<T>(String name, Class<T> type) {

    static Variable<String> string(String name) {
        return new Variable<>(name, String.class);
    }

    static Variable<Long> number(String name) {
        return new Variable<>(name, Long.class);
    }

    static Variable<Boolean> bool(String name) {
        return new Variable<>(name, Boolean.class);
    }

    static Variable<java.util.Date> date(String name) {
        return new Variable<>(name, java.util.Date.class);
    }

    T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (type == Long.class && value instanceof Number n) {
            // a client may send the id back as an Integer
            return type.cast(n.longValue());
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("Variable " + name + " holds a "
                    + value.getClass().getSimpleName() + ", expected " + type.getSimpleName());
        }
        return type.cast(value);
    }

    T require(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw new IllegalStateException("Variable " + name + " is not set");
        }
        return value;
    }

    void set(VariableScope scope, T value) {
        scope.setVariable(name, typed(value));
    }

    void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, typed(value));
    }

    TypedValue typed(T value) {
        if (type == String.class) {
            return Variables.stringValue((String) value);
        }
        if (type == Long.class) {
            return Variables.longValue((Long) value);
        }
        if (type == Boolean.class) {
            return Variables.booleanValue((Boolean) value);
        }
        return Variables.dateValue((java.util.Date) value);
    }
}
