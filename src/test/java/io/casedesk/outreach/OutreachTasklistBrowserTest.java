package io.casedesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.casedesk.BrowserSession;
import io.casedesk.BrowserTest;
import io.casedesk.EndToEndContext;
import io.casedesk.TestMailServer;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.IncidentStatus;
import io.casedesk.trends.TrendIncident;
import io.casedesk.trends.Trends;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * otto of ops in Camunda Tasklist, in a real browser: he opens the review of a detected incident, sees its evidence
 * (the cases, customers, sample messages, sentiment), writes the proactive mail and confirms; every affected
 * customer then gets it. The incident is a real detection in an hour of the test's own (its cases moved back).
 */
@BrowserTest
@EndToEndContext
class OutreachTasklistBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant SPIKE_HOUR = Instant.parse("2024-03-20T03:00:00Z");

    @RegisterExtension
    static final BrowserSession chromium = new BrowserSession("1400,1200");

    private final WebDriver browser = chromium.driver();

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    Trends trends;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ottoReviewsTheEvidence_writesTheMail_andConfirms() throws Exception {
        List<String> spike = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String reference = TestCases.open(
                    intake,
                    "web",
                    "outreach-ui-" + i + "@example.com",
                    "standard",
                    "Parcel arrived broken",
                    "The box was crushed and the vase inside is broken.",
                    "medium",
                    "damaged-item");
            jdbc.sql("UPDATE support_case SET created_at = :at WHERE reference = :r")
                    .param("at", Timestamp.from(SPIKE_HOUR.minus(Duration.ofMinutes(5 + 5L * i))))
                    .param("r", reference)
                    .update();
            spike.add(reference);
        }
        List<TrendIncident> found = trends.detect(SPIKE_HOUR);
        found.stream()
                .filter(i -> !(i.kind() == IncidentKind.TAG && i.key().equals("damaged-item")))
                .forEach(other -> {
                    trends.dismiss(other.id(), "not this test's");
                    runtime.deleteProcessInstance(
                            runtime.createProcessInstanceQuery()
                                    .processInstanceBusinessKey("INC-" + other.id())
                                    .singleResult()
                                    .getId(),
                            "not this test's");
                });
        TrendIncident incident = found.stream()
                .filter(i -> i.kind() == IncidentKind.TAG && i.key().equals("damaged-item"))
                .findFirst()
                .orElseThrow();
        String taskId = tasks.createTaskQuery()
                .processInstanceBusinessKey("INC-" + incident.id())
                .taskDefinitionKey("Task_OpsReview")
                .singleResult()
                .getId();
        var wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("otto");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("otto");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(text(),'INC-" + incident.id() + " · Review')]")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(.,'Claim')]")))
                .click();

        // the evidence: the cases with their customers, and the summary
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form textarea")));
        await().atMost(PATIENCE)
                .until(() -> browser.findElements(By.cssSelector(".fjs-form textarea")).stream()
                        .anyMatch(field ->
                                String.valueOf(field.getDomProperty("value")).contains(spike.get(0))));
        String shown = String.join(
                "\n",
                browser.findElements(By.cssSelector(".fjs-form textarea")).stream()
                        .map(field -> String.valueOf(field.getDomProperty("value")))
                        .toList());
        assertThat(shown).contains("outreach-ui-4@example.com", "5 customers", "The box was crushed");
        screenshot("outreach-review-evidence");

        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(.,'Confirm: tell')]"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//label[contains(.,'Mail subject')]/following::input[1]")))
                .sendKeys("Broken parcels this morning");
        browser.findElement(By.xpath("//label[contains(.,'Mail text')]/following::textarea[1]"))
                .sendKeys("A pallet was damaged at our warehouse. We send every affected customer a replacement.");
        screenshot("outreach-review-answer");
        click(browser.findElement(By.xpath("//button[normalize-space()='Complete']")));

        await().atMost(PATIENCE)
                .until(() -> trends.incident(incident.id()).orElseThrow().status() == IncidentStatus.CONFIRMED);
        await().atMost(PATIENCE)
                .until(() -> TestMailServer.mailsTo("outreach-ui-0@example.com").stream()
                        .anyMatch(m -> TestMailServer.subject(m).equals("Broken parcels this morning")));
        screenshot("outreach-review-confirmed");

        // over for this test, once the announcement is out: no later class's new damaged-item case may join it
        await().atMost(PATIENCE)
                .until(() -> tasks.createTaskQuery()
                                .processInstanceBusinessKey("INC-" + incident.id())
                                .taskDefinitionKey("Task_IncidentFollowUp")
                                .count()
                        == 1);
        trends.close(incident.id());
        runtime.deleteProcessInstance(
                runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey("INC-" + incident.id())
                        .singleResult()
                        .getId(),
                "browser test done");
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
