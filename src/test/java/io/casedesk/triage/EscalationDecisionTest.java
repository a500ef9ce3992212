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

class EscalationDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("escalation.dmn", "escalation");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_Escalation_Compliance",
                        "compliance topic found at triage",
                        situation("compliance", true),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_Compliance",
                        "compliance outranks an SLA breach at tier 1",
                        situation(
                                "escalationTrigger",
                                "sla_breach",
                                "currentGroup",
                                "tier1",
                                "slaBreached",
                                true,
                                "compliance",
                                true),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_SlaBreachTier1",
                        "SLA breach while tier 1 holds the case",
                        situation("escalationTrigger", "sla_breach", "currentGroup", "tier1", "slaBreached", true),
                        escalateTo("tier2", true)),
                example(
                        "Rule_Escalation_SlaBreach",
                        "SLA breach while tier 2 holds the case",
                        situation("escalationTrigger", "sla_breach", "currentGroup", "tier2", "slaBreached", true),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_SlaBreach",
                        "SLA breach with no group known",
                        situation("escalationTrigger", "sla_breach", "currentGroup", null, "slaBreached", true),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_RepeatedFailure",
                        "second reopen",
                        situation("escalationTrigger", "reopen", "reopenCount", 2, "currentGroup", "tier1"),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_RepeatedFailure",
                        "third reopen while the specialists hold the case",
                        situation("escalationTrigger", "reopen", "reopenCount", 3, "currentGroup", "specialists"),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_ReopenTier1",
                        "first reopen while tier 1 holds the case",
                        situation("escalationTrigger", "reopen", "reopenCount", 1, "currentGroup", "tier1"),
                        escalateTo("tier2", false)),
                example(
                        "Rule_Escalation_Reopen",
                        "first reopen while tier 2 holds the case",
                        situation("escalationTrigger", "reopen", "reopenCount", 1, "currentGroup", "tier2"),
                        escalateTo("specialists", false)),
                example(
                        "Rule_Escalation_VipNegative",
                        "unhappy VIP at triage",
                        situation("customerTier", "vip", "sentiment", -0.45),
                        escalateTo("tier2", true)),
                example(
                        "Rule_Escalation_VipNegative",
                        "unhappy VIP outranks a tier 1 agent's escalation",
                        situation(
                                "escalationTrigger",
                                "agent",
                                "currentGroup",
                                "tier1",
                                "customerTier",
                                "vip",
                                "sentiment",
                                -0.7),
                        escalateTo("tier2", true)),
                example(
                        "Rule_Escalation_SentimentDrop",
                        "the customer went from content to furious while tier 1 works the case",
                        situation("escalationTrigger", "agent", "currentGroup", "tier1", "sentimentDrop", 0.9),
                        escalateTo("tier2", false)),
                example(
                        "Rule_Escalation_SentimentDrop",
                        "a sharp drop seen when an SLA warning has the table decide again",
                        situation("escalationTrigger", null, "currentGroup", "tier1", "sentimentDrop", 0.6),
                        escalateTo("tier2", false)),
                example(
                        "Rule_Escalation_None",
                        "a drop under 0.6 is no sharp drop",
                        situation("escalationTrigger", null, "currentGroup", "tier1", "sentimentDrop", 0.59),
                        noEscalation()),
                example(
                        "Rule_Escalation_None",
                        "a case started before sentimentDrop existed has none",
                        without("sentimentDrop", situation("escalationTrigger", null, "currentGroup", "tier1")),
                        noEscalation()),
                example(
                        "Rule_Escalation_AgentTier1",
                        "tier 1 agent escalates",
                        situation("escalationTrigger", "agent", "currentGroup", "tier1"),
                        escalateTo("tier2", false)),
                example(
                        "Rule_Escalation_AgentTier2",
                        "tier 2 agent escalates",
                        situation("escalationTrigger", "agent", "currentGroup", "tier2"),
                        escalateTo("specialists", false)),
                example(
                        "Rule_Escalation_AgentSpecialists",
                        "specialist escalates",
                        situation("escalationTrigger", "agent", "currentGroup", "specialists"),
                        escalateTo("specialists", true)),
                example(
                        "Rule_Escalation_P1Negative",
                        "P1 with very negative sentiment at triage",
                        situation("priority", "P1", "sentiment", -0.75),
                        escalateTo("tier2", true)),
                example("Rule_Escalation_None", "calm P3 case at triage", situation(), noEscalation()),
                example(
                        "Rule_Escalation_None",
                        "P1 with negative but not very negative sentiment",
                        situation("priority", "P1", "sentiment", -0.5),
                        noEscalation()),
                example(
                        "Rule_Escalation_None",
                        "VIP with neutral sentiment",
                        situation("customerTier", "vip", "sentiment", 0.0),
                        noEscalation()),
                example(
                        "Rule_Escalation_None",
                        "VIP and P1 at triage with no sentiment score and no group",
                        situation("customerTier", "vip", "priority", "P1", "sentiment", null, "currentGroup", null),
                        noEscalation()),
                example(
                        "Rule_Escalation_None",
                        "nothing known at all",
                        variables(
                                "escalationTrigger",
                                null,
                                "customerTier",
                                null,
                                "reopenCount",
                                null,
                                "compliance",
                                null,
                                "sentiment",
                                null,
                                "priority",
                                null,
                                "slaBreached",
                                null,
                                "currentGroup",
                                null),
                        noEscalation()));
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
                        "escalationTrigger",
                        "customerTier",
                        "reopenCount",
                        "compliance",
                        "sentiment",
                        "priority",
                        "slaBreached",
                        "currentGroup",
                        "sentimentDrop");
        assertThat(TABLE.outputNames()).containsExactly("escalate", "targetGroup", "notifyManager");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.1.0");
    }

    private static Map<String, Object> without(String name, Map<String, Object> input) {
        input.remove(name);
        return input;
    }

    /** A calm P3 case of a standard customer at triage, not yet held by any group, changed by the given variables. */
    private static Map<String, Object> situation(Object... changes) {
        Map<String, Object> input = variables(
                "escalationTrigger",
                "triage",
                "customerTier",
                "standard",
                "reopenCount",
                0,
                "compliance",
                false,
                "sentiment",
                0.2,
                "priority",
                "P3",
                "slaBreached",
                false,
                "currentGroup",
                null,
                "sentimentDrop",
                0.0);
        input.putAll(variables(changes));
        return input;
    }

    private static Map<String, Object> escalateTo(String targetGroup, boolean notifyManager) {
        return variables("escalate", true, "targetGroup", targetGroup, "notifyManager", notifyManager);
    }

    private static Map<String, Object> noEscalation() {
        return variables("escalate", false, "targetGroup", null, "notifyManager", false);
    }
}
