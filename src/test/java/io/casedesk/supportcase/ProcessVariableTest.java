package io.casedesk.supportcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

    private final VariableScope scope = mock(VariableScope.class);

    @Test
    void readsTheValueOfItsType_andNullWhenUnset() {
        when(scope.getVariable("priority")).thenReturn("P1");
        when(scope.getVariableLocal("mailKind")).thenReturn("survey");

        assertThat(Vars.PRIORITY.get(scope)).isEqualTo("P1");
        assertThat(Vars.MAIL_KIND.getLocal(scope)).isEqualTo("survey");
        assertThat(Vars.CATEGORY.get(scope)).isNull();
        assertThat(Vars.CATEGORY.getOptional(scope)).isEmpty();
        assertThat(Vars.REOPEN_COUNT.getOrDefault(scope, 0)).isZero();
    }

    @Test
    void refusesAValueOfAnotherType_namingTheVariable() {
        when(scope.getVariable("knowledgeGap")).thenReturn("true");

        assertThatThrownBy(() -> Vars.KNOWLEDGE_GAP.get(scope))
                .isInstanceOf(ProcessVariable.WrongTypeException.class)
                .hasMessage("Process variable knowledgeGap holds a String, not a Boolean")
                .extracting(e -> ((ProcessVariable.WrongTypeException) e).variable())
                .isEqualTo("knowledgeGap");
    }

    @Test
    void readsAnyNumberAsADecimal() {
        when(scope.getVariable("slaFirstWarning")).thenReturn(1L);

        assertThat(Vars.SLA_FIRST_WARNING.get(scope)).isEqualTo(1.0);
    }

    @Test
    void writesTypedValues_soANullKeepsItsType() {
        Date due = new Date();
        Vars.RESPONSE_DUE_AT.set(scope, due);
        Vars.ORDER_ID.setLocal(scope, null);
        Vars.OUTCOME.remove(scope);

        verify(scope).setVariable("responseDueAt", Variables.dateValue(due));
        verify(scope).setVariableLocal("orderId", Variables.stringValue(null));
        verify(scope).removeVariable("outcome");
    }

    @Test
    void collectsTypedValues_theCustomersTextTransient() {
        var values = ProcessVariable.values()
                .with(Vars.CSAT_SCORE, 2)
                .with(Vars.SEVERITY, null)
                .withTransient(Vars.CASE_TEXT, "my words");

        assertThat(values.asMap().<TypedValue>getValueTyped("csatScore")).isEqualTo(Variables.integerValue(2));
        assertThat(values.asMap().<TypedValue>getValueTyped("severity")).isEqualTo(Variables.stringValue(null));
        StringValue text = values.asMap().getValueTyped("caseText");
        assertThat(text.getValue()).isEqualTo("my words");
        assertThat(text.isTransient()).isTrue();

        values.setOn(scope);
        verify(scope).setVariables(values.asMap());
    }
}
