package io.casedesk.security.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * What a process owner may deploy (README, "What a process owner can deploy"), checked on every new deployment
 * before the engine parses it, for /engine-rest, the Modeler, Cockpit and casedesk's own start-up alike: BPMN whose
 * expressions pass {@link ExpressionPolicy}, with no scripts, connectors, embedded forms or foreign classes, and whose
 * timer, message, signal and conditional start events belong to casedesk's own processes; DMN that passes
 * {@link DecisionPolicy}; Camunda Forms; diagram images. Anything else is refused with 400 and every reason.
 */
final class DeploymentPolicy implements Deployer {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> AUTOMATIC_STARTS = Set.of(
            "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "conditionalEventDefinition");
    private static final Set<String> IMAGES = Set.of(".png", ".jpg", ".jpeg", ".gif");

    private final ExpressionPolicy expressions;
    private final Set<String> ownProcesses;

    DeploymentPolicy(ExpressionPolicy expressions, Set<String> ownProcesses) {
        this.expressions = expressions;
        this.ownProcesses = Set.copyOf(ownProcesses);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        var problems = new ArrayList<String>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            problems.addAll(problems(resource.getName(), resource.getBytes()));
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Deployment refused: " + String.join("; ", problems)
                    + ". See the README, \"What a process owner can deploy\".");
        }
    }

    List<String> problems(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        var found = new LinkedHashSet<String>();
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            found.addAll(bpmnProblems(content));
        } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            found.addAll(DecisionPolicy.problems(content));
        } else if (!lower.endsWith(".form") && IMAGES.stream().noneMatch(lower::endsWith)) {
            found.add("only BPMN, DMN and Camunda Forms files (and PNG, JPEG or GIF diagrams) may be deployed");
        }
        return found.stream().map(problem -> name + ": " + problem).toList();
    }

    private Set<String> bpmnProblems(byte[] bpmn) {
        var problems = new LinkedHashSet<String>();
        Deque<String> elements = new ArrayDeque<>();
        String process = null;
        var text = new StringBuilder();
        try {
            XMLStreamReader xml = ModelXml.reader(bpmn);
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamReader.START_ELEMENT -> {
                        String element = xml.getLocalName();
                        String namespace = xml.getNamespaceURI();
                        String id = xml.getAttributeValue(null, "id");
                        if (BPMN.equals(namespace) && "process".equals(element)) {
                            process = id;
                        }
                        element(namespace, element, id, elements, process, problems);
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            attribute(
                                    namespace,
                                    element,
                                    xml.getAttributeNamespace(i),
                                    xml.getAttributeLocalName(i),
                                    xml.getAttributeValue(i),
                                    problems);
                        }
                        elements.push(namespace + " " + element);
                        text.setLength(0);
                    }
                    case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> text.append(xml.getText());
                    case XMLStreamReader.END_ELEMENT -> {
                        String element = elements.pop();
                        if (!element.endsWith(" documentation") && ExpressionPolicy.holdsExpression(text.toString())) {
                            problems.addAll(expressions.problems(text.toString().strip()));
                        }
                        text.setLength(0);
                    }
                    default -> {}
                }
            }
        } catch (XMLStreamException e) {
            // not well-formed: the BPMN parser reports it with its line and column
        }
        return problems;
    }

    private void element(
            String namespace, String element, String id, Deque<String> open, String process, Set<String> problems) {
        if (BPMN.equals(namespace) && "scriptTask".equals(element)) {
            problems.add("script tasks are not allowed (" + id + ")");
        } else if (CAMUNDA.equals(namespace) && "script".equals(element)) {
            problems.add("scripts are not allowed (camunda:script)");
        } else if (CAMUNDA.equals(namespace) && "connector".equals(element)) {
            problems.add("connectors are not allowed (camunda:connector)");
        } else if (BPMN.equals(namespace)
                && AUTOMATIC_STARTS.contains(element)
                && (BPMN + " startEvent").equals(open.peek())
                && isTopLevelStart(open)
                && !ownProcesses.contains(process)) {
            problems.add("a " + element.replace("EventDefinition", "") + " start event on process '" + process
                    + "' is not allowed: only casedesk's own processes ("
                    + String.join(", ", ownProcesses.stream().sorted().toList()) + ") start by themselves");
        }
    }

    /** The start event open on top of the stack is a process's own, not an event sub-process's. */
    private static boolean isTopLevelStart(Deque<String> open) {
        var iterator = open.iterator();
        iterator.next();
        return iterator.hasNext() && (BPMN + " process").equals(iterator.next());
    }

    private void attribute(
            String elementNamespace,
            String element,
            String namespace,
            String name,
            String value,
            Set<String> problems) {
        boolean camunda = CAMUNDA.equals(namespace)
                || ((namespace == null || namespace.isEmpty()) && CAMUNDA.equals(elementNamespace));
        if (camunda
                && ("class".equals(name) || "variableMappingClass".equals(name))
                && !value.startsWith("io.casedesk.")) {
            problems.add("camunda:" + name + "=\"" + value + "\" is not allowed: only casedesk's own classes");
        } else if (camunda && "resource".equals(name)) {
            problems.add("script resources are not allowed (camunda:resource on " + element + ")");
        } else if ("scriptFormat".equals(name) || "language".equals(name)) {
            problems.add("script expressions are not allowed (" + name + "=\"" + value + "\" on " + element + ")");
        } else if (camunda && "formKey".equals(name) && !value.startsWith("camunda-forms:")) {
            problems.add("camunda:formKey=\"" + value + "\" is not allowed: embedded forms run script in Tasklist; "
                    + "use camunda:formRef with a Camunda Form");
        }
        if (ExpressionPolicy.holdsExpression(value)) {
            problems.addAll(expressions.problems(value));
        }
    }
}
