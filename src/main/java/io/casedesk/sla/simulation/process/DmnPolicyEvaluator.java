package io.casedesk.sla.simulation.process;

import io.casedesk.security.process.DecisionPolicy;
import io.casedesk.sla.simulation.CandidateFile;
import io.casedesk.sla.simulation.InvalidPolicyException;
import io.casedesk.sla.simulation.PolicyEvaluator;
import io.casedesk.sla.simulation.PolicyVersion;
import io.casedesk.system.process.ParsedOnceFeelEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Candidate and deployed tables on a standalone DMN engine (the same engine and FEEL implementation the process
 * engine embeds). Not the engine's DecisionService: that would write decision history and metrics for every
 * simulated case, and a simulation must change nothing. The engine's XML parser refuses DOCTYPEs and external
 * entities, so an uploaded file cannot reach files or hosts.
 */
@Component
class DmnPolicyEvaluator implements PolicyEvaluator {

    private static final int MAX_MESSAGE = 500;
    private static final java.util.regex.Pattern JAVA_NAMES =
            java.util.regex.Pattern.compile("Exception|\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]+\\b");

    private final DmnEngine dmn = ((DefaultDmnEngineConfiguration)
                    DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
            .feelEngineFactory(ParsedOnceFeelEngine::new)
            .buildEngine();
    private final RepositoryService repository;

    DmnPolicyEvaluator(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public Policy candidate(String decisionKey, List<String> requiredOutputs, CandidateFile file) {
        Function<String, RuntimeException> invalid =
                problem -> new InvalidPolicyException(decisionKey, file.name(), problem);
        if (file.content().length == 0) {
            throw invalid.apply("is empty");
        }
        var unsafe = DecisionPolicy.problems(file.content());
        if (!unsafe.isEmpty()) {
            throw invalid.apply("is not allowed: " + String.join("; ", unsafe));
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        } catch (RuntimeException e) {
            throw invalid.apply("is not a valid DMN file: " + describe(e));
        }
        Decision element = decisionElement(model, decisionKey, invalid);
        var warnings = new ArrayList<String>();
        if (element.getCamundaHistoryTimeToLiveString() == null) {
            warnings.add("no camunda:historyTimeToLive: the engine would refuse to deploy it");
        }
        var version = new PolicyVersion(
                decisionKey,
                PolicyVersion.CANDIDATE,
                file.name(),
                null,
                element.getVersionTag(),
                List.copyOf(warnings));
        return parse(model, version, requiredOutputs, invalid);
    }

    @Override
    public Policy deployed(String decisionKey, List<String> requiredOutputs) {
        DecisionDefinition definition = repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey)
                .latestVersion()
                .singleResult();
        if (definition == null) {
            throw new IllegalStateException("No decision '" + decisionKey + "' is deployed");
        }
        DmnModelInstance model;
        try (InputStream in = repository.getDecisionModel(definition.getId())) {
            model = Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Function<String, RuntimeException> broken = problem -> new IllegalStateException(
                "The deployed " + decisionKey + " v" + definition.getVersion() + " " + problem);
        var version = new PolicyVersion(
                decisionKey,
                PolicyVersion.DEPLOYED,
                null,
                definition.getVersion(),
                definition.getVersionTag(),
                List.of());
        return parse(model, version, requiredOutputs, broken);
    }

    private Policy parse(
            DmnModelInstance model,
            PolicyVersion version,
            List<String> requiredOutputs,
            Function<String, RuntimeException> invalid) {
        DmnDecision decision;
        try {
            decision = dmn.parseDecision(version.decisionKey(), model);
        } catch (RuntimeException e) {
            throw invalid.apply("cannot be read as a decision: " + describe(e));
        }
        if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            throw invalid.apply("holds '" + version.decisionKey() + "' as a literal expression, not a decision table");
        }
        Set<String> outputs = new LinkedHashSet<>();
        for (DmnDecisionTableOutputImpl output : table.getOutputs()) {
            outputs.add(output.getOutputName());
        }
        for (String required : requiredOutputs) {
            if (!outputs.contains(required)) {
                throw invalid.apply("has no output named '" + required + "' (the process reads " + requiredOutputs
                        + "; the table has " + outputs + ")");
            }
        }
        return new ParsedPolicy(decision, version, Dmn.convertToString(model));
    }

    private static Decision decisionElement(
            DmnModelInstance model, String decisionKey, Function<String, RuntimeException> invalid) {
        var ids = new ArrayList<String>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (decisionKey.equals(decision.getId())) {
                return decision;
            }
            ids.add(decision.getId());
        }
        throw invalid.apply("has no decision with id '" + decisionKey + "'"
                + (ids.isEmpty() ? "" : " (its decisions: " + String.join(", ", ids) + ")"));
    }

    /**
     * One parsed table. Results are remembered per combination of the values the table can read: FEEL reads a
     * variable only by its name, so a variable whose name appears nowhere in the file cannot change the result
     * (a table in another expression language is always evaluated). Thousands of cases share a few combinations of
     * priority and channel, and each FEEL evaluation is costly.
     */
    private final class ParsedPolicy implements Policy {
        private final DmnDecision decision;
        private final PolicyVersion version;
        private final String modelText;
        private final boolean rememberable;
        private final Map<List<Object>, Map<String, Object>> remembered = new java.util.HashMap<>();
        private List<String> readable;

        ParsedPolicy(DmnDecision decision, PolicyVersion version, String modelText) {
            this.decision = decision;
            this.version = version;
            this.modelText = modelText;
            // a deployed table from before the deployment policy may still hold JUEL, which can read any variable
            this.rememberable = DecisionPolicy.problems(modelText.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .isEmpty();
        }

        @Override
        public PolicyVersion version() {
            return version;
        }

        @Override
        public synchronized Map<String, Object> decide(Map<String, Object> variables) {
            if (!rememberable) {
                return evaluate(variables);
            }
            if (readable == null) {
                readable = variables.keySet().stream()
                        .filter(modelText::contains)
                        .sorted()
                        .toList();
            }
            var key = new ArrayList<Object>(readable.size() + 1);
            key.add(new java.util.TreeSet<>(variables.keySet()));
            readable.forEach(name -> key.add(variables.get(name)));
            Map<String, Object> result = remembered.get(key);
            if (result == null) {
                result = evaluate(variables);
                remembered.put(key, result);
            }
            return result;
        }

        private Map<String, Object> evaluate(Map<String, Object> variables) {
            DmnDecisionResult result;
            try {
                result = dmn.evaluateDecision(decision, variables);
            } catch (RuntimeException e) {
                throw new PolicyEvaluationException(describe(e));
            }
            if (result.isEmpty()) {
                throw new PolicyEvaluationException("no rule matched");
            }
            if (result.size() > 1) {
                throw new PolicyEvaluationException(
                        result.size() + " rules matched; the process needs exactly one result");
            }
            return java.util.Collections.unmodifiableMap(
                    new java.util.HashMap<>(result.getSingleResult().getEntryMap()));
        }
    }

    /**
     * What the parser or engine said, innermost cause first (that is where "line 3: element not closed" is), without
     * Java class names or stack frames: wrapper messages such as "SAXException while parsing" are left out.
     */
    static String describe(Throwable e) {
        var chain = new ArrayList<Throwable>();
        for (Throwable t = e; t != null && chain.size() < 10; t = t.getCause()) {
            chain.add(0, t);
        }
        var messages = new LinkedHashSet<String>();
        for (Throwable t : chain) {
            String message = t.getMessage();
            if (message != null
                    && !message.isBlank()
                    && !JAVA_NAMES.matcher(message).find()
                    && messages.size() < 2) {
                messages.add(message.replace("URI=null ", "").strip());
            }
        }
        String text = messages.isEmpty() ? "cannot be parsed" : String.join("; ", messages);
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
    }
}
