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

class CasePriorityDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("case-priority.dmn", "case-priority");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_Priority_Critical",
                        "critical, standard customer, calm, email",
                        caseWith("severity", "critical"),
                        priority("P1")),
                example(
                        "Rule_Priority_Critical",
                        "critical outranks everything, even a happy VIP",
                        caseWith("severity", "critical", "customerTier", "vip", "sentiment", 0.9),
                        priority("P1")),
                example(
                        "Rule_Priority_HighVip",
                        "high severity, VIP",
                        caseWith("severity", "high", "customerTier", "vip"),
                        priority("P1")),
                example(
                        "Rule_Priority_Compliance",
                        "a legal or GDPR threat on a medium case is P2",
                        caseWith("compliance", true),
                        priority("P2")),
                example(
                        "Rule_Priority_Compliance",
                        "a compliance case of low severity, calm, by email is still P2",
                        caseWith("compliance", true, "severity", "low", "sentiment", 0.5),
                        priority("P2")),
                example(
                        "Rule_Priority_Critical",
                        "a critical compliance case stays P1",
                        caseWith("compliance", true, "severity", "critical"),
                        priority("P1")),
                example(
                        "Rule_Priority_High",
                        "high severity, standard customer",
                        caseWith("severity", "high"),
                        priority("P2")),
                example(
                        "Rule_Priority_High",
                        "high severity, furious on chat is still P2",
                        caseWith("severity", "high", "channel", "chat", "sentiment", -0.9),
                        priority("P2")),
                example("Rule_Priority_Vip", "VIP with a medium case", caseWith("customerTier", "vip"), priority("P2")),
                example(
                        "Rule_Priority_Vip",
                        "VIP with a low case",
                        caseWith("severity", "low", "customerTier", "vip"),
                        priority("P2")),
                example(
                        "Rule_Priority_NegativeLiveChannel",
                        "very negative on chat",
                        caseWith("channel", "chat", "sentiment", -0.62),
                        priority("P2")),
                example(
                        "Rule_Priority_NegativeLiveChannel",
                        "very negative on the phone, even with low severity",
                        caseWith("severity", "low", "channel", "phone", "sentiment", -0.8),
                        priority("P2")),
                example("Rule_Priority_Low", "low severity", caseWith("severity", "low"), priority("P3")),
                example(
                        "Rule_Priority_Low",
                        "low severity, very negative by email (not a live channel)",
                        caseWith("severity", "low", "channel", "email", "sentiment", -0.9),
                        priority("P3")),
                example("Rule_Priority_Default", "medium severity", caseWith(), priority("P3")),
                example(
                        "Rule_Priority_Default",
                        "medium billing case stays P3",
                        caseWith("category", "billing"),
                        priority("P3")),
                example(
                        "Rule_Priority_Default",
                        "exactly -0.5 on chat is not below -0.5",
                        caseWith("channel", "chat", "sentiment", -0.5),
                        priority("P3")),
                example(
                        "Rule_Priority_Default",
                        "very negative on social (not a live channel)",
                        caseWith("channel", "social", "sentiment", -0.9),
                        priority("P3")),
                example(
                        "Rule_Priority_Default",
                        "no sentiment score on chat",
                        caseWith("channel", "chat", "sentiment", null),
                        priority("P3")),
                example(
                        "Rule_Priority_Default",
                        "nothing known at all",
                        variables(
                                "severity",
                                null,
                                "customerTier",
                                null,
                                "channel",
                                null,
                                "sentiment",
                                null,
                                "category",
                                null,
                                "compliance",
                                null),
                        priority("P3")));
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
        assertThat(TABLE.inputExpressions())
                .containsExactly("severity", "customerTier", "channel", "sentiment", "category", "compliance");
        assertThat(TABLE.outputNames()).containsExactly("priority");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.1.0");
    }

    /** A calm, standard, medium, general email case, changed by the given variables. */
    private static Map<String, Object> caseWith(Object... changes) {
        Map<String, Object> input = variables(
                "severity",
                "medium",
                "customerTier",
                "standard",
                "channel",
                "email",
                "sentiment",
                0.1,
                "category",
                "general",
                "compliance",
                false);
        input.putAll(variables(changes));
        return input;
    }

    private static Map<String, Object> priority(String priority) {
        return variables("priority", priority);
    }
}
