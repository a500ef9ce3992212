package io.casedesk.security.process;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.NamedFunctionParameters;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;

/**
 * Which FEEL a decision table may hold: everything a policy table needs (comparisons, ranges as tests, if/then/else,
 * contexts, lists, the built-in functions), but nothing whose cost is not bounded by the size of the text: no
 * iteration (for, some, every), no function definitions (which allow recursion), no exponentiation, no calls into
 * Java, and regular expressions (matches, replace, split) only as literal patterns without nested repetition such as
 * (a+)+, which can backtrack for minutes. A table that passes evaluates in time about linear in its text and inputs,
 * so an upload of at most a megabyte is evaluated in bounded time and memory.
 */
public final class FeelPolicy {

    private static final FeelEngineApi PARSER =
            FeelEngineBuilder.create().withEnabledExternalFunctions(false).build();
    private static final Map<String, String> DENIED_SYNTAX = Map.of(
            "For", "'for ... return' loops",
            "SomeItem", "'some ... satisfies'",
            "EveryItem", "'every ... satisfies'",
            "IterationContext", "iteration over ranges",
            "FunctionDefinition", "function definitions",
            "JavaFunctionInvocation", "calls into Java",
            "QualifiedFunctionInvocation", "calls of functions held in contexts",
            "Exponentiation", "the ** operator");
    /** The regular-expression functions and the name and position of their pattern parameter. */
    private static final Map<String, String> REGEX_FUNCTIONS =
            Map.of("matches", "pattern", "replace", "pattern", "split", "delimiter");

    private static final int MAX_NODES = 100_000;

    private FeelPolicy() {}

    /** What is not allowed in this expression (an input or output entry); empty when it may be evaluated. */
    public static Set<String> problemsOfExpression(String text) {
        return problems(PARSER.parseExpression(text));
    }

    /** What is not allowed in these unary tests (an input entry); empty when they may be evaluated. */
    public static Set<String> problemsOfUnaryTests(String text) {
        return problems(PARSER.parseUnaryTests(text));
    }

    private static Set<String> problems(ParseResult parsed) {
        var problems = new LinkedHashSet<String>();
        if (!parsed.isSuccess()) {
            // the DMN engine reports the syntax error itself, with its position
            return problems;
        }
        Deque<Object> open = new ArrayDeque<>();
        open.push(parsed.parsedExpression().expression());
        int seen = 0;
        while (!open.isEmpty()) {
            if (++seen > MAX_NODES) {
                problems.add("expressions of more than " + MAX_NODES + " parts");
                break;
            }
            Object node = open.pop();
            String denied = DENIED_SYNTAX.get(node.getClass().getSimpleName());
            if (denied != null) {
                problems.add(denied);
            }
            if (node instanceof FunctionInvocation call && REGEX_FUNCTIONS.containsKey(call.function())) {
                String problem = regexProblem(call);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            if (node instanceof Product product) {
                push(open, product.productIterator());
            } else if (node instanceof Iterable<?> items) {
                push(open, items.iterator());
            }
        }
        return problems;
    }

    /** Null when the call's pattern is a literal without nested repetition. */
    private static String regexProblem(FunctionInvocation call) {
        Object pattern = null;
        if (call.params() instanceof PositionalFunctionParameters positional
                && positional.params().size() >= 2) {
            pattern = positional.params().apply(1);
        } else if (call.params() instanceof NamedFunctionParameters named) {
            var given = named.params().get(REGEX_FUNCTIONS.get(call.function()));
            pattern = given.isDefined() ? given.get() : null;
        }
        if (!(pattern instanceof ConstString literal)) {
            return "a " + call.function() + "() pattern that is not a literal string";
        }
        return hasNestedRepetition(literal.value())
                ? "the pattern \"" + literal.value() + "\" (a repeated group that repeats inside, like (a+)+)"
                : null;
    }

    /** Whether a group that holds a quantifier (*, +, {n,}) is itself quantified: the shape that backtracks. */
    static boolean hasNestedRepetition(String regex) {
        Deque<Boolean> groups = new ArrayDeque<>();
        boolean quantifiedInside = false;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                groups.push(quantifiedInside);
                quantifiedInside = false;
            } else if (c == ')') {
                boolean inner = quantifiedInside;
                quantifiedInside = groups.isEmpty() ? inner : groups.pop() || inner;
                if (inner && i + 1 < regex.length() && "*+{".indexOf(regex.charAt(i + 1)) >= 0) {
                    return true;
                }
            } else if (c == '*' || c == '+' || c == '{') {
                quantifiedInside = true;
            }
        }
        return false;
    }

    private static void push(Deque<Object> open, Iterator<?> children) {
        while (children.hasNext()) {
            Object child = children.next();
            if (child instanceof Product || child instanceof Iterable<?>) {
                open.push(child);
            }
        }
    }
}
