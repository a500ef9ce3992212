package io.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.casedesk.BrowserTestCondition.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link BrowserTest} as JUnit applies it: a browser test class is run here on its own, with the browser present
 * (two executable stand-ins), absent, and required. Nothing here starts a browser.
 */
class BrowserTestConditionTest {

    private static final String NOWHERE = "/nonexistent/casedesk";

    @TempDir
    Path dir;

    private Path browser;
    private Path driver;

    @BeforeEach
    void standInsForChromiumAndItsDriver() throws IOException {
        browser = executable("chromium");
        driver = executable("chromedriver");
        NeedsABrowser.given = null;
    }

    @Test
    void withoutABrowser_theTestIsSkipped_andTheReasonNamesWhatIsMissing() {
        var results = run(NeedsABrowser.class, "auto", NOWHERE + "/chromium", NOWHERE + "/chromedriver");

        assertThat(results.testEvents().started().count()).isZero();
        var skipped = results.containerEvents().skipped().list();
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).getPayload(String.class))
                .get(STRING)
                .contains(NOWHERE + "/chromium and " + NOWHERE + "/chromedriver are missing")
                .contains("apt-get install chromium chromium-driver")
                .contains("casedesk.browser-tests=required");
    }

    @Test
    void withoutABrowser_whenRequired_theTestFails_beforeItStarts() {
        var results = run(NeedsABrowser.class, "required", NOWHERE + "/chromium", driver.toString());

        assertThat(results.testEvents().started().count()).isZero();
        assertThat(results.containerEvents().skipped().count()).isZero();
        assertThat(failures(results))
                .singleElement()
                .satisfies(failure -> assertThat(failure)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("browser tests are required (casedesk.browser-tests=required)")
                        .hasMessageContaining(NOWHERE + "/chromium is missing")
                        .hasMessageNotContaining(driver.toString()));
    }

    @Test
    void withABrowser_theTestRuns_withTheInstallationThatWasChecked() {
        for (String mode : List.of("auto", "required")) {
            NeedsABrowser.given = null;
            var results = run(NeedsABrowser.class, mode, browser.toString(), driver.toString());

            assertThat(results.testEvents().succeeded().count()).as(mode).isEqualTo(1);
            assertThat(results.allEvents().failed().count()).as(mode).isZero();
            assertThat(NeedsABrowser.given).as(mode).isEqualTo(new Chromium(browser, driver));
        }
    }

    @Test
    void aDriverThatIsNotExecutable_countsAsMissing() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("chromedriver.txt"), "not a program");

        var results = run(NeedsABrowser.class, "auto", browser.toString(), notExecutable.toString());

        assertThat(results.containerEvents().skipped().list())
                .singleElement()
                .satisfies(event -> assertThat(event.getPayload(String.class))
                        .get(STRING)
                        .contains(notExecutable + " is missing")
                        .doesNotContain(browser.toString()));
    }

    @Test
    void aMistypedSetting_failsRatherThanSkipping() {
        var results = run(NeedsABrowser.class, "requierd", NOWHERE + "/chromium", NOWHERE + "/chromedriver");

        assertThat(results.containerEvents().skipped().count()).isZero();
        assertThat(failures(results))
                .singleElement()
                .satisfies(failure -> assertThat(failure)
                        .hasMessageContaining("casedesk.browser-tests=requierd is not a valid setting"));
    }

    @Test
    void onOneMethod_onlyThatMethodNeedsTheBrowser() {
        var skipped = run(OneMethodNeedsABrowser.class, "auto", NOWHERE + "/chromium", NOWHERE + "/chromedriver");
        assertThat(skipped.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(skipped.testEvents().skipped().count()).isEqualTo(1);

        var failed = run(OneMethodNeedsABrowser.class, "required", NOWHERE + "/chromium", NOWHERE + "/chromedriver");
        assertThat(failed.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(failed.testEvents().failed().count()).isEqualTo(1);
    }

    @Test
    void theSystemPropertyWins_theEnvironmentVariableIsTheFallback_andAutoTheDefault() {
        var absent = new Chromium(Path.of(NOWHERE, "chromium"), Path.of(NOWHERE, "chromedriver"));

        assertThat(BrowserTestCondition.verdict(Optional.of("auto"), Optional.of("required"), absent))
                .isInstanceOf(Verdict.Skip.class);
        assertThat(BrowserTestCondition.verdict(Optional.empty(), Optional.of("required"), absent))
                .isInstanceOf(Verdict.Fail.class)
                .extracting(verdict -> ((Verdict.Fail) verdict).reason(), STRING)
                .contains("(CASEDESK_BROWSER_TESTS=required)");
        assertThat(BrowserTestCondition.verdict(Optional.of(" "), Optional.of(" REQUIRED "), absent))
                .isInstanceOf(Verdict.Fail.class);
        assertThat(BrowserTestCondition.verdict(Optional.empty(), Optional.empty(), absent))
                .isInstanceOf(Verdict.Skip.class);
    }

    private static EngineExecutionResults run(Class<?> testClass, String mode, String browser, String driver) {
        return EngineTestKit.engine("junit-jupiter")
                // only what is set here: not the -D options or junit-platform.properties of the build running us
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(BrowserTestCondition.MODE_PROPERTY, mode)
                .configurationParameter(Chromium.BROWSER_PROPERTY, browser)
                .configurationParameter(Chromium.DRIVER_PROPERTY, driver)
                .selectors(selectClass(testClass))
                .execute();
    }

    private static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(Optional::stream)
                .map(TestExecutionResult::getThrowable)
                .flatMap(Optional::stream)
                .toList();
    }

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\nexit 0\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    /** Run only through {@link #run}: Surefire leaves nested classes alone. */
    @BrowserTest
    static class NeedsABrowser {

        static Chromium given;
        private static Chromium atStart;

        @BeforeAll
        static void startBrowser(Chromium chromium) {
            atStart = chromium;
        }

        @Test
        void opensAPage(Chromium chromium) {
            assertThat(chromium).isEqualTo(atStart);
            given = chromium;
        }
    }

    static class OneMethodNeedsABrowser {

        @Test
        void needsNoBrowser() {}

        @BrowserTest
        @Test
        void needsABrowser(Chromium chromium) {
            assertThat(chromium.missing()).isEmpty();
        }
    }
}
