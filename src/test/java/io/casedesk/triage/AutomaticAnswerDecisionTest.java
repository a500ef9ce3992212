package io.casedesk.triage;

import static io.casedesk.triage.DecisionTables.example;
import static io.casedesk.triage.DecisionTables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.triage.DecisionTables.Example;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AutomaticAnswerDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("automatic-answer.dmn", "automatic-answer");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_AutomaticAnswer_DeliveredButMissing",
                        "delivered, yet the customer asks where it is",
                        order("where-is-my-order", true, true, "delivered"),
                        answer(false, "")),
                example(
                        "Rule_AutomaticAnswer_DeliveredButMissing",
                        "lost in transit",
                        order("where-is-my-order", true, true, "lost"),
                        answer(false, "")),
                example(
                        "Rule_AutomaticAnswer_WhereIsMyOrder",
                        "shipped order with known facts",
                        order("where-is-my-order", true, true, "shipped"),
                        answer(true, "order-status")),
                example(
                        "Rule_AutomaticAnswer_WhereIsMyOrder",
                        "order still being packed",
                        order("where-is-my-order", true, true, "processing"),
                        answer(true, "order-status")),
                example(
                        "Rule_AutomaticAnswer_Otherwise",
                        "where is my order without an order id",
                        order("where-is-my-order", false, false, null),
                        answer(false, "")),
                example(
                        "Rule_AutomaticAnswer_Otherwise",
                        "an order nobody told us about",
                        order("where-is-my-order", true, false, null),
                        answer(false, "")),
                example(
                        "Rule_AutomaticAnswer_Otherwise",
                        "a late delivery is a problem, not a status question",
                        order("delivery-delay", true, true, "shipped"),
                        answer(false, "")),
                example(
                        "Rule_AutomaticAnswer_Otherwise",
                        "nothing known at all",
                        variables("intent", null, "hasOrderId", null, "orderKnown", null, "orderStatus", null),
                        answer(false, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesTheExpectedRule(Example example) {
        TABLE.assertMatches(example);
    }

    @Test
    void everyRuleHasAnExample() {
        TABLE.assertEveryRuleHasAnExample(examples());
    }

    @Test
    void followsTheContract() {
        assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(TABLE.inputExpressions()).containsExactly("intent", "hasOrderId", "orderKnown", "orderStatus");
        assertThat(TABLE.outputNames()).containsExactly("answer", "template");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.0.0");
    }

    private static Map<String, Object> order(String intent, boolean hasOrderId, boolean known, String status) {
        return variables("intent", intent, "hasOrderId", hasOrderId, "orderKnown", known, "orderStatus", status);
    }

    private static Map<String, Object> answer(boolean answer, String template) {
        return variables("answer", answer, "template", template);
    }
}
