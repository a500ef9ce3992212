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

class ManagerNotificationDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("manager-notification.dmn", "manager-notification");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_Notify_EscalationAfterBreach",
                        "the escalation a breach caused is told by the breach notice",
                        notice("escalation", "escalationTrigger", "sla_breach"),
                        nobody()),
                example(
                        "Rule_Notify_EscalationAfterBreach",
                        "even for a P1 VIP case",
                        notice(
                                "escalation",
                                "escalationTrigger",
                                "sla_breach",
                                "priority",
                                "P1",
                                "customerTier",
                                "vip"),
                        nobody()),
                example("Rule_Notify_Breach", "a P3 breach goes at once", notice("sla-breach"), atOnce()),
                example(
                        "Rule_Notify_Breach",
                        "a P2 breach goes at once",
                        notice("sla-breach", "priority", "P2"),
                        atOnce()),
                example(
                        "Rule_Notify_P1",
                        "a P1 first warning goes at once",
                        notice("sla-warning", "slaWarningStage", "first", "priority", "P1"),
                        atOnce()),
                example(
                        "Rule_Notify_P1",
                        "a P1 escalation goes at once",
                        notice("escalation", "escalationTrigger", "agent", "priority", "P1"),
                        atOnce()),
                example(
                        "Rule_Notify_VipEscalation",
                        "a VIP escalated at triage goes at once",
                        notice("escalation", "priority", "P2", "customerTier", "vip"),
                        atOnce()),
                example(
                        "Rule_Notify_Escalation",
                        "an agent's third escalation is grouped",
                        notice("escalation", "escalationTrigger", "agent"),
                        grouped()),
                example(
                        "Rule_Notify_FirstWarningP3",
                        "a P3 first warning pages no manager",
                        notice("sla-warning", "slaWarningStage", "first"),
                        nobody()),
                example(
                        "Rule_Notify_FirstWarningP3",
                        "not even for a VIP",
                        notice("sla-warning", "slaWarningStage", "first", "customerTier", "vip"),
                        nobody()),
                example(
                        "Rule_Notify_FirstWarning",
                        "a P2 first warning is grouped",
                        notice("sla-warning", "slaWarningStage", "first", "priority", "P2"),
                        grouped()),
                example(
                        "Rule_Notify_FinalWarning",
                        "a P3 final warning is grouped",
                        notice("sla-warning", "slaWarningStage", "final"),
                        grouped()),
                example(
                        "Rule_Notify_None",
                        "an event the table does not know",
                        notice("csat-low", "priority", "P2"),
                        nobody()),
                example(
                        "Rule_Notify_None",
                        "a warning without a stage",
                        notice("sla-warning", "slaWarningStage", null),
                        nobody()));
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
                .containsExactly(
                        "notificationEvent", "slaWarningStage", "priority", "customerTier", "escalationTrigger");
        assertThat(TABLE.outputNames()).containsExactly("notify", "audience", "urgent");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.0.0");
    }

    /** A notice of this event about a P3 case of a standard customer, changed by the given variables. */
    private static Map<String, Object> notice(String event, Object... changes) {
        Map<String, Object> input = variables(
                "notificationEvent",
                event,
                "slaWarningStage",
                null,
                "priority",
                "P3",
                "customerTier",
                "standard",
                "escalationTrigger",
                "triage");
        input.putAll(variables(changes));
        return input;
    }

    private static Map<String, Object> atOnce() {
        return variables("notify", true, "audience", "managers", "urgent", true);
    }

    private static Map<String, Object> grouped() {
        return variables("notify", true, "audience", "managers", "urgent", false);
    }

    private static Map<String, Object> nobody() {
        return variables("notify", false, "audience", null, "urgent", false);
    }
}
