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

class TrendThresholdsDecisionTest {

    private static final DecisionTables TABLE = DecisionTables.load("trend-thresholds.dmn", "trend-thresholds");

    static List<Example> examples() {
        return List.of(
                example(
                        "Rule_TrendThresholds_Volume",
                        "5 cases of a tag never seen before",
                        tag(5, 0.0),
                        spike("volume")),
                example(
                        "Rule_TrendThresholds_Volume",
                        "a category at exactly 3 times its baseline",
                        keyed("category", 9, 3.0),
                        spike("volume")),
                example(
                        "Rule_TrendThresholds_NegativeSentiment",
                        "half of 10 messages negative, a tenth before",
                        sentiment(10, 0.5, 0.1),
                        spike("negative-sentiment")),
                example(
                        "Rule_TrendThresholds_NegativeSentiment",
                        "exactly twice the baseline share",
                        sentiment(40, 0.6, 0.3),
                        spike("negative-sentiment")),
                example("Rule_TrendThresholds_None", "4 cases are too few", tag(4, 0.0), none()),
                example("Rule_TrendThresholds_None", "a slow rise: 8 cases against 3 per hour", tag(8, 3.0), none()),
                example("Rule_TrendThresholds_None", "9 messages are too few", sentiment(9, 0.9, 0.0), none()),
                example("Rule_TrendThresholds_None", "negative share under half", sentiment(30, 0.45, 0.1), none()),
                example(
                        "Rule_TrendThresholds_None",
                        "negative share high, but as high as ever",
                        sentiment(30, 0.6, 0.5),
                        none()),
                example(
                        "Rule_TrendThresholds_None",
                        "a sentiment measure with a large count is no volume spike",
                        variables(
                                "kind",
                                "sentiment",
                                "count",
                                50L,
                                "baseline",
                                0.0,
                                "messages",
                                0L,
                                "negativeShare",
                                0.0,
                                "baselineShare",
                                0.0),
                        none()));
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
                .containsExactly("kind", "count", "baseline", "messages", "negativeShare", "baselineShare");
        assertThat(TABLE.outputNames()).containsExactly("spike", "rule");
        assertThat(TABLE.historyTimeToLive()).isEqualTo("180");
        assertThat(TABLE.versionTag()).isEqualTo("1.0.0");
    }

    private static Map<String, Object> tag(long count, double baseline) {
        return keyed("tag", count, baseline);
    }

    private static Map<String, Object> keyed(String kind, long count, double baseline) {
        return variables(
                "kind",
                kind,
                "count",
                count,
                "baseline",
                baseline,
                "messages",
                0L,
                "negativeShare",
                0.0,
                "baselineShare",
                0.0);
    }

    private static Map<String, Object> sentiment(long messages, double share, double baselineShare) {
        return variables(
                "kind",
                "sentiment",
                "count",
                Math.round(messages * share),
                "baseline",
                0.0,
                "messages",
                messages,
                "negativeShare",
                share,
                "baselineShare",
                baselineShare);
    }

    private static Map<String, Object> spike(String rule) {
        return variables("spike", true, "rule", rule);
    }

    private static Map<String, Object> none() {
        return variables("spike", false, "rule", "none");
    }
}
