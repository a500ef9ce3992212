package io.casedesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.BrowserTest;
import io.casedesk.Chromium;
import io.casedesk.EndToEndContext;
import io.casedesk.HeadlessChromium;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' dashboard in a real browser (headless Chromium): maria signs in and sees every chart drawn from
 * the figures, with tables behind them and Cockpit links for the cases breaching soon, without a console error
 * (the strict CSP refuses inline script and style, so a refusal would show there), on a laptop and on a phone;
 * alice, an agent, is refused. Screenshots: target/screenshots/dashboard-*.png.
 */
@BrowserTest
@EndToEndContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final List<String> CHARTS =
            List.of("chart-times", "chart-quality", "chart-backlog", "chart-csat", "chart-tags");

    private Chromium installed;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void data(Chromium installed) {
        this.installed = installed;
        DashboardData.insertOnce(jdbc);
    }

    /** A fresh browser for each person (its own profile, so no session carries over). */
    @BeforeEach
    void start() throws IOException {
        chromium = new HeadlessChromium(installed, "1280,1000");
        browser = chromium.driver();
    }

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aManagerSignsIn_andSeesEveryChartDrawn_onALaptopAndAPhone_withoutAConsoleError() throws IOException {
        browser.get(url("/dashboard"));
        assertThat(browser.getTitle()).as("not signed in: the login page").startsWith("Sign in");
        chromium.screenshot("dashboard-login");
        signIn("maria");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        assertThat(browser.getTitle()).isEqualTo("Service health — casedesk");

        awaitChartsDrawn();
        assertThat(browser.findElements(By.cssSelector("details table")))
                .as("a table behind every chart (the two charts of the weeks share one)")
                .hasSize(CHARTS.size() - 1);
        assertThat(browser.findElement(By.linkText("DSH-OPEN-1")).getAttribute("href"))
                .as("a case breaching soon opens in Cockpit")
                .contains("/camunda/app/cockpit/default/#/process-instance/pi-DSH-OPEN-1");
        assertThat(browser.findElement(By.id("incidents")).getText()).contains("Open incidents");
        assertThat(browser.findElement(By.cssSelector("meta[http-equiv=refresh]"))
                        .getAttribute("content"))
                .isEqualTo("60");
        chromium.screenshot("dashboard-laptop");
        js("document.getElementById('breaching-title').scrollIntoView();");
        chromium.screenshot("dashboard-laptop-lower");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        awaitChartsDrawn();
        assertThat((Long) js("return document.documentElement.scrollWidth - window.innerWidth;"))
                .as("nothing wider than a phone's screen")
                .isLessThanOrEqualTo(0L);
        chromium.screenshot("dashboard-phone");

        browser.get(url("/dashboard?group=dsh-tier1&channel=chat"));
        awaitChartsDrawn();
        assertThat(browser.findElement(By.cssSelector(".lead")).getText())
                .contains("group dsh-tier1")
                .contains("channel chat");

        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(problems)
                .as("console errors and warnings (CSP refusals among them)")
                .isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.findElement(By.cssSelector("form.inline button")).click();
        // the click only starts the sign-out: wait for the page it leads to
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.urlContains("/dashboard/login?logout"));
    }

    @Test
    void anAgentSignsIn_andIsRefused() throws IOException {
        browser.get(url("/dashboard/login"));
        signIn("alice");
        assertThat(browser.getTitle()).startsWith("Not available");
        assertThat(browser.findElements(By.id("chart-times"))).isEmpty();
        chromium.screenshot("dashboard-refused");
    }

    private void signIn(String user) {
        if (browser.findElements(By.id("username")).isEmpty()) {
            browser.get(url("/dashboard/login"));
        }
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the click only posts the form: wait for the page the sign-in leads to
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> !d.getCurrentUrl().endsWith("/dashboard/login"));
    }

    /** Each chart exists in Chart.js and has painted pixels on its canvas. */
    private void awaitChartsDrawn() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js("""
                return typeof Chart !== 'undefined' && arguments[0].every(function (id) {
                  var canvas = document.getElementById(id);
                  if (!canvas || !Chart.getChart(canvas)) { return false; }
                  var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { return true; } }
                  return false;
                });""", CHARTS)));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
