package io.casedesk;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link BrowserTest}: runs the test when Chromium and chromedriver are installed, skips it
 * (printing why) when they are not, and fails it instead when browser tests are required.
 * <p>
 * Settings are JUnit configuration parameters, which include the test JVM's system properties (Maven hands its
 * {@code -D} options to the forked JVM): {@value #MODE_PROPERTY} ({@code auto}, the default, or {@code required};
 * when it is not set, the environment variable {@value #MODE_ENVIRONMENT} is read), {@value Chromium#BROWSER_PROPERTY}
 * and {@value Chromium#DRIVER_PROPERTY}.
 */
public final class BrowserTestCondition
        implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    public static final String MODE_PROPERTY = "casedesk.browser-tests";
    public static final String MODE_ENVIRONMENT = "CASEDESK_BROWSER_TESTS";

    /** What to do with one browser test, given the settings and what is installed. */
    sealed interface Verdict {

        record Run(Chromium chromium) implements Verdict {}

        record Skip(String reason) implements Verdict {}

        /** Run it, and fail before anything starts: a required browser is missing, or the setting is wrong. */
        record Fail(String reason) implements Verdict {}
    }

    static Verdict verdict(Optional<String> modeProperty, Optional<String> modeEnvironment, Chromium chromium) {
        String mode;
        String source;
        if (modeProperty.filter(value -> !value.isBlank()).isPresent()) {
            mode = modeProperty.get();
            source = MODE_PROPERTY;
        } else if (modeEnvironment.filter(value -> !value.isBlank()).isPresent()) {
            mode = modeEnvironment.get();
            source = MODE_ENVIRONMENT;
        } else {
            mode = "auto";
            source = null;
        }
        boolean required;
        switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> required = false;
            case "required" -> required = true;
            // a typo must not turn a required browser test into a silent skip
            default -> {
                return new Verdict.Fail(source + "=" + mode + " is not a valid setting: use 'auto' or 'required'");
            }
        }
        var missing = chromium.missing();
        if (missing.isEmpty()) {
            return new Verdict.Run(chromium);
        }
        String what = missing.stream().map(Path::toString).collect(Collectors.joining(" and "))
                + (missing.size() == 1 ? " is" : " are") + " missing (" + Chromium.INSTALL_HINT
                + ", or point -D" + Chromium.BROWSER_PROPERTY + " / -D" + Chromium.DRIVER_PROPERTY + " at them)";
        if (required) {
            return new Verdict.Fail("browser tests are required (" + source + "=" + mode.trim() + ") but " + what);
        }
        return new Verdict.Skip(
                "no browser: " + what + "; with " + MODE_PROPERTY + "=required this is a failure instead of a skip");
    }

    static Chromium chromium(ExtensionContext context) {
        return new Chromium(
                context.getConfigurationParameter(Chromium.BROWSER_PROPERTY)
                        .map(Path::of)
                        .orElse(Chromium.DEFAULT_BROWSER),
                context.getConfigurationParameter(Chromium.DRIVER_PROPERTY)
                        .map(Path::of)
                        .orElse(Chromium.DEFAULT_DRIVER));
    }

    private static Verdict verdict(ExtensionContext context) {
        return verdict(
                context.getConfigurationParameter(MODE_PROPERTY),
                Optional.ofNullable(System.getenv(MODE_ENVIRONMENT)),
                chromium(context));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var verdict = verdict(context);
        if (verdict instanceof Verdict.Skip skip) {
            // Surefire prints only a count of skipped tests; say here which and why
            String test = context.getTestMethod()
                    .map(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()")
                    .orElseGet(() -> context.getRequiredTestClass().getSimpleName());
            System.out.println("[browser test] skipped " + test + ": " + skip.reason());
            return ConditionEvaluationResult.disabled(skip.reason());
        }
        if (verdict instanceof Verdict.Fail fail) {
            return ConditionEvaluationResult.enabled("runs to fail: " + fail.reason());
        }
        var chromium = ((Verdict.Run) verdict).chromium();
        return ConditionEvaluationResult.enabled(
                "browser test with " + chromium.browser() + " and " + chromium.driver());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failIfRequiredBrowserIsMissing(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failIfRequiredBrowserIsMissing(context);
    }

    private static void failIfRequiredBrowserIsMissing(ExtensionContext context) {
        if (verdict(context) instanceof Verdict.Fail fail) {
            throw new IllegalStateException(fail.reason());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return chromium(context);
    }
}
