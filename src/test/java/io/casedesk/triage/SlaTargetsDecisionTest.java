package io.casedesk.triage;

import static io.casedesk.triage.DecisionTables.example;
import static io.casedesk.triage.DecisionTables.variables;
import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.triage.DecisionTables.Example;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaTargetsDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("sla-targets.dmn", "sla-targets");

    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3");
    private static final List<String> CHANNELS = List.of("chat", "email", "phone", "social", "web");

    static List<Example> examples() {
        return List.of(
                example("Rule_Sla_P1_Chat", "P1 on chat", given("P1", "chat"), targets("PT1M", "PT1H", "24x7")),
                example(
                        "Rule_Sla_P1_OtherChannels",
                        "P1 by email",
                        given("P1", "email"),
                        targets("PT15M", "PT1H", "24x7")),
                example(
                        "Rule_Sla_P1_OtherChannels",
                        "P1 by phone",
                        given("P1", "phone"),
                        targets("PT15M", "PT1H", "24x7")),
                example("Rule_Sla_P2_Chat", "P2 on chat", given("P2", "chat"), targets("PT2M", "PT4H", "24x7")),
                example(
                        "Rule_Sla_P2_OtherChannels",
                        "P2 on the web",
                        given("P2", "web"),
                        targets("PT1H", "PT4H", "24x7")),
                example(
                        "Rule_Sla_P2_OtherChannels",
                        "P2 on social",
                        given("P2", "social"),
                        targets("PT1H", "PT4H", "24x7")),
                example("Rule_Sla_P3_Chat", "P3 on chat", given("P3", "chat"), targets("PT2M", "PT24H", "24x7")),
                example(
                        "Rule_Sla_P3_Email",
                        "P3 by email",
                        given("P3", "email"),
                        targets("PT4H", "PT24H", "business-hours")),
                example(
                        "Rule_Sla_P3_OtherChannels",
                        "P3 by phone",
                        given("P3", "phone"),
                        targets("PT8H", "PT24H", "business-hours")),
                example(
                        "Rule_Sla_P3_OtherChannels",
                        "P3 on social",
                        given("P3", "social"),
                        targets("PT8H", "PT24H", "business-hours")),
                example(
                        "Rule_Sla_P3_OtherChannels",
                        "P3 on the web",
                        given("P3", "web"),
                        targets("PT8H", "PT24H", "business-hours")));
    }

    static Stream<Arguments> everyPriorityAndChannel() {
        return PRIORITIES.stream()
                .flatMap(priority -> CHANNELS.stream().map(channel -> Arguments.of(priority, channel)));
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

    /** UNIQUE: a gap leaves a case without deadlines, an overlap makes the engine fail the evaluation. */
    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("everyPriorityAndChannel")
    void everyPriorityAndChannelMatchesExactlyOneRule(String priority, String channel) {
        assertThat(TABLE.evaluate(given(priority, channel)).matchedRuleIds()).hasSize(1);
    }

    @Test
    void followsTheContract() {
        assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(TABLE.inputExpressions()).containsExactly("priority", "channel");
        assertThat(TABLE.outputNames())
                .containsExactly("responseDue", "resolutionDue", "calendar", "firstWarning", "finalWarning");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.0.0");
    }

    private static Map<String, Object> given(String priority, String channel) {
        return variables("priority", priority, "channel", channel);
    }

    /** The targets, with the warnings every rule has: at 75 % and at 90 % of the target. */
    private static Map<String, Object> targets(String responseDue, String resolutionDue, String calendar) {
        return variables(
                "responseDue",
                responseDue,
                "resolutionDue",
                resolutionDue,
                "calendar",
                calendar,
                "firstWarning",
                0.75,
                "finalWarning",
                0.9);
    }
}
