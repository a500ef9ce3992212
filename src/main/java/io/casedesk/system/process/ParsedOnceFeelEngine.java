package io.casedesk.system.process;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine$;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The engine's own FEEL (the Scala FEEL engine, same value mapping, external functions off) that parses each
 * expression of a table once instead of at every evaluation: Camunda's parses every input entry and expression of
 * every table anew each time a decision is evaluated, which was a tenth of a case's intake time (six decisions at
 * triage), and nearly all of a policy simulation's (the same few dozen expressions for thousands of cases). A parsed
 * expression is an immutable syntax tree, so sharing it between evaluations and threads is safe. The process engine
 * gets one through {@link FeelParsedOnce}; each simulation has its own, so uploaded candidates never fill the
 * engine's.
 */
public final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    public ParsedOnceFeelEngine() {
        super(List.of());
    }

    @Override
    protected FeelEngine buildFeelEngine(
            CustomFunctionTransformer functionProvider, ValueMapper.CompositeValueMapper valueMapper) {
        return new Caching(functionProvider, valueMapper);
    }

    /** Uploaded candidates add their expressions; beyond this many the cache starts afresh rather than grow. */
    private static final int MAX_CACHED = 10_000;

    private static final class Caching extends FeelEngine {
        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        Caching(CustomFunctionTransformer functionProvider, ValueMapper valueMapper) {
            super(
                    functionProvider,
                    valueMapper,
                    new FeelEngine.Configuration(false),
                    FeelEngine$.MODULE$.defaultClock());
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
            return cached(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
            return cached(unaryTests, expression, super::parseUnaryTests);
        }

        private static <T> T cached(
                Map<String, T> cache, String expression, java.util.function.Function<String, T> parse) {
            if (cache.size() > MAX_CACHED) {
                cache.clear();
            }
            return cache.computeIfAbsent(expression, parse);
        }
    }
}
