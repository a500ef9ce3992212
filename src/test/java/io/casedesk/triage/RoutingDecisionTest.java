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

class RoutingDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("routing.dmn", "routing");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_Routing_P1",
                        "P1 billing case by email",
                        caseWith("category", "billing", "priority", "P1"),
                        group("tier2")),
                example(
                        "Rule_Routing_P1",
                        "P1 technical case on chat",
                        caseWith("category", "technical", "priority", "P1", "channel", "chat"),
                        group("tier2")),
                example(
                        "Rule_Routing_TechnicalP2",
                        "P2 technical case",
                        caseWith("category", "technical", "priority", "P2"),
                        group("tier2")),
                example(
                        "Rule_Routing_Tier1",
                        "P2 billing case",
                        caseWith("category", "billing", "priority", "P2"),
                        group("tier1")),
                example(
                        "Rule_Routing_Tier1",
                        "P3 technical case",
                        caseWith("category", "technical", "priority", "P3"),
                        group("tier1")),
                example(
                        "Rule_Routing_Tier1",
                        "P3 general case on social",
                        caseWith("channel", "social"),
                        group("tier1")),
                example(
                        "Rule_Routing_Tier1",
                        "nothing known at all",
                        variables("category", null, "priority", null, "channel", null),
                        group("tier1")));
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
        assertThat(TABLE.inputExpressions()).containsExactly("category", "priority", "channel");
        assertThat(TABLE.outputNames()).containsExactly("candidateGroup");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.0.0");
    }

    /** A P3 general email case, changed by the given variables. */
    private static Map<String, Object> caseWith(Object... changes) {
        Map<String, Object> input = variables("category", "general", "priority", "P3", "channel", "email");
        input.putAll(variables(changes));
        return input;
    }

    private static Map<String, Object> group(String candidateGroup) {
        return variables("candidateGroup", candidateGroup);
    }
}
