package io.casedesk.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.casedesk.BrowserSession;
import io.casedesk.BrowserTest;
import io.casedesk.EndToEndContext;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The agent's form in Tasklist shows the similar resolved cases and, above the reply field, the suggested reply. */
@BrowserTest
@EndToEndContext
class AssistFormBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserSession chromium = new BrowserSession("1400,1600");

    private final WebDriver browser = chromium.driver();

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    TaskService tasks;

    @Autowired
    CaseIndex index;

    @Test
    void theFormShowsTheSimilarCases_andTheDraftBesideTheReply() throws Exception {
        String resolved = open("Bike light will not charge", "The USB bike light does not charge any more.");
        tasks.complete(
                task(resolved).getId(),
                Map.of(
                        "outcome", "resolved",
                        "reply", "A new cable is on its way.",
                        "resolution", "Sent a new USB charging cable; the light charges again.",
                        "tags", "damaged-item",
                        "knowledgeGap", false));
        index.catchUp();
        String asking = open("Bike light does not charge", "My bike light stopped charging over USB.");
        Task task = task(asking);
        var wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("alice");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("alice");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'" + asking + " · ')]")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(.,'Claim')]")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select")));

        WebElement similar = field("Similar resolved cases");
        await().atMost(PATIENCE).until(() -> similar.getDomProperty("value").contains(resolved));
        assertThat(similar.getDomProperty("value")).contains("Sent a new USB charging cable");
        WebElement draft = field("Suggested reply");
        assertThat(draft.getDomProperty("value"))
                .contains("Bike light does not charge")
                .contains("Sent a new USB charging cable");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", similar);
        chromium.screenshot("assist-form");
    }

    private WebElement field(String label) {
        return browser.findElement(By.xpath("//label[contains(.,'" + label + "')]/following::textarea[1]"));
    }

    private String open(String subject, String description) {
        return TestCases.open(
                intake,
                "email",
                "assist-ui-" + UUID.randomUUID() + "@example.com",
                "standard",
                subject,
                description,
                null);
    }

    private Task task(String reference) {
        return await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(reference)
                                .taskDefinitionKey("Task_Troubleshoot")
                                .singleResult(),
                        t -> t != null);
    }
}
