package io.casedesk;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives a real browser: Debian's headless Chromium through its chromedriver ({@link Chromium}, which
 * its methods may take as a parameter).
 * <p>
 * When they are installed the test runs. When they are not, it is skipped and the reason is printed, so
 * {@code ./mvnw verify} passes on a machine with only a JDK. With {@code casedesk.browser-tests=required} (a
 * system property, e.g. {@code -Dcasedesk.browser-tests=required}, or the environment variable
 * {@code CASEDESK_BROWSER_TESTS=required}) a missing browser fails the test instead: {@code .ci/run} sets it, so CI
 * never goes green without having run the browser tests. Put it before {@code @SpringBootTest}, so a skipped or
 * failed test does not start the application first.
 */
@Target({TYPE, METHOD})
@Retention(RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(BrowserTestCondition.class)
public @interface BrowserTest {}
