package io.casedesk.security.process;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which expressions (JUEL, ${...}) a deployed model may hold. A model reads process variables, names casedesk's
 * beans (delegates, listeners, beans marked {@link ExposedToModels}), reads their properties, and reads the results of
 * its decisions; it calls no method (except decisionResult.getSingleResult() / getFirstResult()), no function, names
 * none of the engine's objects (execution, task) and reaches no class. So a process owner's model can route, wait and
 * decide, but not run code with the engine's rights.
 */
final class ExpressionPolicy {

    /** What the engine's resolvers offer besides variables: each is a door into the whole engine. */
    static final Set<String> ENGINE_OBJECTS = Set.of(
            "execution",
            "task",
            "caseExecution",
            "variableScope",
            "processEngine",
            "processEngineServices",
            "processEngineConfiguration",
            "authenticatedUserId",
            "connector",
            "applicationContext");
    /** Properties that lead from any object to its class, class loader or module, and from there anywhere. */
    static final Set<String> REFLECTIVE_PROPERTIES = Set.of(
            "class",
            "classLoader",
            "declaringClass",
            "module",
            "protectionDomain",
            "enclosingClass",
            "superclass",
            "runtime",
            "processEngineServices",
            "processEngine");

    static final String DECISION_RESULT = "decisionResult";
    static final Set<String> DECISION_RESULT_METHODS = Set.of("getSingleResult", "getFirstResult");

    private final ModelBeans beans;

    ExpressionPolicy(ModelBeans beans) {
        this.beans = beans;
    }

    /** What is not allowed in this text (a whole attribute or element text that holds ${...} or #{...}). */
    Set<String> problems(String text) {
        var problems = new LinkedHashSet<String>();
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS)
                    .build(text)
                    .getRoot();
        } catch (TreeBuilderException e) {
            problems.add("'" + text + "' is not a valid expression");
            return problems;
        }
        check(root, text, problems);
        return problems;
    }

    private void check(Node node, String text, Set<String> problems) {
        if (node instanceof AstFunction function) {
            problems.add("functions such as " + function.getName() + "() are not allowed in " + text);
        } else if (node instanceof AstMethod method) {
            if (!isDecisionResultCall(method)) {
                problems.add("method calls are not allowed (" + text + "): models read variables and properties only");
            }
        } else if (node instanceof AstDot || node instanceof AstBracket) {
            String property = propertyName(node);
            if (property == null) {
                problems.add("computed property names are not allowed in " + text);
            } else if (REFLECTIVE_PROPERTIES.contains(property)) {
                problems.add("the property '" + property + "' is not allowed in " + text);
            }
            if (!readsAllowedBase(node.getChild(0))) {
                problems.add("properties may be read only of casedesk's beans and decision results, not in " + text);
            }
        } else if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (ENGINE_OBJECTS.contains(name)) {
                problems.add("'" + name + "' is not available to models (" + text + ")");
            } else if (beans.isHidden(name)) {
                problems.add("the bean '" + name + "' is not offered to models (" + text + "); offered: "
                        + String.join(", ", beans.names()));
            }
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i), text, problems);
        }
    }

    /** decisionResult.getSingleResult() or .getFirstResult(), without arguments. */
    private static boolean isDecisionResultCall(AstMethod method) {
        Node property = method.getChild(0);
        Node parameters = method.getChild(1);
        return property instanceof AstDot dot
                && DECISION_RESULT_METHODS.contains(propertyName(dot))
                && dot.getChild(0) instanceof AstIdentifier base
                && DECISION_RESULT.equals(base.getName())
                && parameters instanceof AstParameters params
                && params.getCardinality() == 0;
    }

    /** The base of a property chain is one of our beans, a decision result, or a decision result's row. */
    private boolean readsAllowedBase(Node base) {
        if (base instanceof AstIdentifier identifier) {
            return beans.isExposed(identifier.getName()) || DECISION_RESULT.equals(identifier.getName());
        }
        if (base instanceof AstMethod method) {
            return isDecisionResultCall(method);
        }
        if (base instanceof AstDot || base instanceof AstBracket) {
            return readsAllowedBase(base.getChild(0));
        }
        return false;
    }

    /** The name a . or [] reads, or null when it is computed. */
    private static String propertyName(Node node) {
        if (node instanceof AstDot dot) {
            // AstDot prints as ". name"; the name itself is not exposed
            return dot.toString().substring(2);
        }
        if (node instanceof AstBracket bracket && bracket.getChild(1) instanceof AstString string) {
            String printed = string.toString();
            return printed.substring(1, printed.length() - 1);
        }
        return null;
    }

    static boolean holdsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }
}
