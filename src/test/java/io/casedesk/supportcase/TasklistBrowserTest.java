package io.casedesk.supportcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.casedesk.BrowserSession;
import io.casedesk.BrowserTest;
import io.casedesk.EndToEndContext;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseStatus;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An agent in Camunda Tasklist, in a real browser: she opens her group's case, answers it in the Camunda Form and
 * completes it. The form sends its fields as they are, and UserCommandGuard, which refuses any variable beyond a
 * task's answers, lets exactly that through: the reply lands on the case and the case waits on the customer.
 */
@BrowserTest
@EndToEndContext
class TasklistBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserSession chromium = new BrowserSession("1400,1000");

    private final WebDriver browser = chromium.driver();

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    TaskService tasks;

    @Test
    void anAgentAnswersHerCaseInTasklist_andTheFormsFieldsPassTheGuard() throws Exception {
        String subject = "Tasklist " + UUID.randomUUID().toString().substring(0, 8);
        String ref = TestCases.open(
                intake,
                "email",
                "agent-ui-" + UUID.randomUUID() + "@example.com",
                "standard",
                subject,
                "Where is my parcel? It is late.",
                null);
        await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(ref)
                                .taskCandidateGroup("tier1")
                                .singleResult(),
                        t -> t != null);
        var wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("alice");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("alice");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // her group's filter lists the case; open its task and claim it
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'" + ref + " · ')]")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
                + tasks.createTaskQuery()
                        .processInstanceBusinessKey(ref)
                        .singleResult()
                        .getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(.,'Claim')]")))
                .click();
        // the form shows the case (its subject among the read-only fields)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select")));
        screenshot("tasklist-task");
        await().atMost(PATIENCE)
                .until(() -> browser.findElements(By.cssSelector(".fjs-form input, .fjs-form textarea")).stream()
                        .anyMatch(field -> subject.equals(field.getDomProperty("value"))));

        // the answer: "need information" in the form-js dropdown, and the reply
        var dropdown = browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", dropdown);
        dropdown.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(.,'information')]")))
                .click();
        browser.findElement(By.xpath("//label[contains(.,'Reply to the customer')]/following::textarea[1]"))
                .sendKeys("Could you send us your order number?");
        screenshot("tasklist-answer");
        var complete = browser.findElement(By.xpath("//button[normalize-space()='Complete']"));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
        complete.click();

        await().atMost(PATIENCE).until(() -> cases.get(ref).status() == CaseStatus.WAITING_ON_CUSTOMER);
        screenshot("tasklist-completed");
        assertThat(cases.timeline(ref)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(CaseEventType.AGENT_REPLY);
            assertThat(e.detail()).contains("alice").contains("Could you send us your order number?");
        });
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
