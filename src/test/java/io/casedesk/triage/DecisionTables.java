package io.casedesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision table from the top-level {@code dmn/} folder, evaluated by a standalone DMN engine (the same
 * engine and FEEL implementation the process engine uses), so a test can see which rule matched, not only
 * what came out.
 */
final class DecisionTables {

    private static final Path DMN_FOLDER = Path.of("dmn");

    private final DmnModelInstance model;
    private final Decision decisionElement;
    private final DecisionTable table;
    private final DmnDecision decision;
    private final DmnEngine engine;
    private final List<String> matchedRuleIds = new ArrayList<>();

    private DecisionTables(String fileName, String decisionKey) {
        model = Dmn.readModelFromFile(DMN_FOLDER.resolve(fileName).toFile());
        decisionElement = model.getModelElementById(decisionKey);
        assertThat(decisionElement)
                .as("decision %s in %s", decisionKey, fileName)
                .isNotNull();
        table = (DecisionTable) decisionElement.getExpression();
        DmnDecisionTableEvaluationListener recordMatchingRules = this::recordMatchingRules;
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatchingRules))
                .buildEngine();
        decision = engine.parseDecision(decisionKey, model);
    }

    static DecisionTables load(String fileName, String decisionKey) {
        return new DecisionTables(fileName, decisionKey);
    }

    /** Variables for an evaluation; unlike {@code Map.of} it takes null values, as the process may pass them. */
    static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    static Example example(String ruleId, String scenario, Map<String, Object> input, Map<String, Object> expected) {
        return new Example(ruleId, scenario, input, expected);
    }

    synchronized Evaluation evaluate(Map<String, Object> variables) {
        matchedRuleIds.clear();
        List<Map<String, Object>> results =
                engine.evaluateDecisionTable(decision, variables).getResultList();
        return new Evaluation(List.copyOf(matchedRuleIds), results);
    }

    /** Evaluates the example's input and asserts that exactly its rule matched and produced exactly its outputs. */
    void assertMatches(Example example) {
        Evaluation evaluation = evaluate(example.input());
        assertThat(evaluation.matchedRuleIds())
                .as("matched rules for %s", example)
                .containsExactly(example.ruleId());
        assertThat(evaluation.results()).as("outputs for %s", example).containsExactly(example.expected());
    }

    /** Asserts that the examples name every rule of the table and no rule that does not exist. */
    void assertEveryRuleHasAnExample(List<Example> examples) {
        assertThat(examples.stream().map(Example::ruleId).distinct())
                .as("rules with an example in the test")
                .containsExactlyInAnyOrderElementsOf(ruleIds());
    }

    List<String> ruleIds() {
        return table.getRules().stream().map(Rule::getId).toList();
    }

    HitPolicy hitPolicy() {
        return table.getHitPolicy();
    }

    List<String> inputExpressions() {
        return table.getInputs().stream()
                .map(Input::getInputExpression)
                .map(e -> e.getText().getTextContent())
                .toList();
    }

    List<String> outputNames() {
        return table.getOutputs().stream().map(Output::getName).toList();
    }

    String historyTimeToLive() {
        return decisionElement.getCamundaHistoryTimeToLiveString();
    }

    String versionTag() {
        return decisionElement.getVersionTag();
    }

    private synchronized void recordMatchingRules(DmnDecisionTableEvaluationEvent event) {
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
    }

    record Evaluation(List<String> matchedRuleIds, List<Map<String, Object>> results) {}

    /** An input that must match exactly {@code ruleId} and produce exactly {@code expected}. */
    record Example(String ruleId, String scenario, Map<String, Object> input, Map<String, Object> expected) {

        Example {
            input = Collections.unmodifiableMap(new LinkedHashMap<>(input));
            expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        }

        @Override
        public String toString() {
            return ruleId + ": " + scenario;
        }
    }
}
