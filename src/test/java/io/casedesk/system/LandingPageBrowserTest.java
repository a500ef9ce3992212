package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.BrowserSession;
import io.casedesk.BrowserTest;
import io.casedesk.EndToEndContext;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The landing page in headless Chromium at a phone's width: it lays out in one column without sideways scrolling,
 * the browser reports no CSP violation (no inline script or style), and "Open Tasklist" leads to Tasklist's login.
 * Screenshots: target/screenshots/landing-phone.png and landing-phone-dev.png (the dev section).
 */
@BrowserTest
@EndToEndContext
class LandingPageBrowserTest {

    @RegisterExtension
    static final BrowserSession chromium = new BrowserSession("390,844");

    private final WebDriver browser = chromium.driver();

    @LocalServerPort
    int port;

    @Test
    void aPersonOnAPhone_seesWhereToGo_andReachesTasklist() throws IOException {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("casedesk — where to go");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Where do you work?");
        assertThat(browser.findElements(By.tagName("h2")))
                .extracting(e -> e.getText().split("\n")[0])
                .anySatisfy(h -> assertThat(h).startsWith("Support agents"))
                .anySatisfy(h -> assertThat(h).startsWith("Managers"))
                .anySatisfy(h -> assertThat(h).startsWith("Process owners"))
                .anySatisfy(h -> assertThat(h).startsWith("Trying it out"));
        var js = (JavascriptExecutor) browser;
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a phone")
                .isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).intValue());
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('a.go')).minHeight"))
                .as("the stylesheet loaded under the CSP: tap targets 48px high")
                .isEqualTo("48px");
        chromium.screenshot("landing-phone");
        js.executeScript("document.getElementById('dev').scrollIntoView()");
        chromium.screenshot("landing-phone-dev");

        browser.findElement(By.linkText("Open Tasklist")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/");
    }
}
