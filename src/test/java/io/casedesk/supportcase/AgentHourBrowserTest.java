package io.casedesk.supportcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.BrowserSession;
import io.casedesk.BrowserTest;
import io.casedesk.EndToEndContext;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.CaseTaskView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * An agent's hour in Camunda Tasklist, in headless Chromium: Ana's case (a VIP) and then a newer one come in through
 * the API; the list shows hers first, by priority; alice logs in,
 * finds it by its reference on its card, opens the form and sees the reference and the conversation; the customer
 * writes meanwhile (with markup and an expression in the text), and after a reload the form shows the message as
 * plain text and the task's name says a message is new; she replies and resolves. Screenshots in target/screenshots/
 * (agent-hour-*.png).
 */
@BrowserTest
@EndToEndContext
class AgentHourBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final BrowserSession chromium = new BrowserSession("1400,1100");

    private final WebDriver browser = chromium.driver();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    @Autowired
    TaskService tasks;

    @Test
    void aliceFindsHerCaseByItsReference_seesTheConversationGrow_andResolvesIt() throws Exception {
        // Ana, a VIP (P2), writes first, then a standard customer with a high-severity case (P2): the list puts
        // Ana's case first, not the newest, and runs by priority from top to bottom
        String subject = "Parcel " + UUID.randomUUID().toString().substring(0, 8) + " has not arrived";
        String ref = open("vip", "Ana", subject, "medium");
        String laterRef =
                open("standard", "Ben", "Parcel " + UUID.randomUUID().toString().substring(0, 8) + " is lost", "high");
        String taskId = tier1Task(ref);
        tier1Task(laterRef);
        var wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys("alice");
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("alice");
        browser.findElement(By.cssSelector("button[type='submit']")).click();

        // her group's list: the card is named by reference, priority and subject, and shows the case's variables
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'task')][.//*[contains(text(),'" + ref + " · P')]]")));
        assertThat(card.getText()).contains(ref + " · P2 · " + subject).contains("Follow-up in");
        // the card's other variables are behind its "Show more"
        var showMore = card.findElement(By.cssSelector(".shutter"));
        scrollTo(showMore);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", showMore);
        await().atMost(PATIENCE).until(() -> card.getText().contains("email"));
        assertThat(card.getText()).contains("Ana").contains("response ");
        List<String> order = browser.findElements(By.cssSelector("li.task h4")).stream()
                .map(WebElement::getText)
                .toList();
        List<Integer> priorities = browser.findElements(By.cssSelector("li.task .priority")).stream()
                .map(p -> Integer.valueOf(p.getText().strip()))
                .toList();
        assertThat(priorities).as("most urgent first: " + order).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(priorities).as("Ana's case, P2 for a VIP").contains(90);
        if (indexOf(order, laterRef) >= 0) {
            assertThat(indexOf(order, ref)).as("the VIP's case first: " + order).isLessThan(indexOf(order, laterRef));
        }
        screenshot("agent-hour-1-cards");
        card.findElement(By.xpath(".//*[contains(text(),'" + ref + "')]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[contains(.,'Claim')]")))
                .click();

        // the form: the reference on top, the conversation so far
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select")));
        await().atMost(PATIENCE).until(() -> ref.equals(field("Case reference").getDomProperty("value")));
        assertThat(field("Conversation (newest last)").getDomProperty("value"))
                .contains("Ana (customer)")
                .contains(subject + "\nWhere is my parcel? It is late.");
        screenshot("agent-hour-2-form");

        // meanwhile the customer writes; a reload shows it, as text, and the task says a message is new
        String message = "Any news? <script>alert('x')</script> ${7*7}";
        api("/api/cases/" + ref + "/messages", json.writeValueAsString(Map.of("from", "customer", "body", message)));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getName())
                .startsWith(CaseTaskView.NEW_MESSAGE_MARK + ref);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form-field-select")));
        await().atMost(PATIENCE)
                .until(() -> field("Conversation (newest last)")
                        .getDomProperty("value")
                        .endsWith("Ana (customer)\n" + message));
        assertThat(browser.findElements(
                        By.xpath("//*[contains(text(),'" + CaseTaskView.NEW_MESSAGE_MARK.strip() + "')]")))
                .isNotEmpty();
        assertThat(browser.getPageSource()).doesNotContain("<script>alert('x')</script>");
        scrollTo(field("Conversation (newest last)"));
        screenshot("agent-hour-3-new-message");

        // she replies and resolves
        var dropdown = browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
        scrollTo(dropdown);
        dropdown.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='Resolved']")))
                .click();
        field("Reply to the customer").sendKeys("Your parcel was delayed at the depot; it arrives tomorrow.");
        field("Resolution").sendKeys("Traced the parcel with the carrier.");
        field("Tags").sendKeys("delivery-delay");
        scrollTo(field("Tags"));
        screenshot("agent-hour-4-answer");
        var complete = browser.findElement(By.xpath("//button[normalize-space()='Complete']"));
        scrollTo(complete);
        complete.click();

        await().atMost(PATIENCE).until(() -> cases.get(ref).status() == CaseStatus.RESOLVED);
        screenshot("agent-hour-5-done");
        assertThat(cases.timeline(ref)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(CaseEventType.AGENT_REPLY);
            assertThat(e.detail()).contains("alice (resolved)").contains("arrives tomorrow");
        });
    }

    private String open(String tier, String name, String subject, String severity)
            throws IOException, InterruptedException {
        return json.readTree(api(
                        "/api/cases",
                        json.writeValueAsString(Map.of(
                                "channel",
                                "email",
                                "customer",
                                Map.of(
                                        "email",
                                        "hour-" + UUID.randomUUID() + "@example.com",
                                        "name",
                                        name,
                                        "tier",
                                        tier),
                                "subject",
                                subject,
                                "description",
                                "Where is my parcel? It is late.",
                                "severity",
                                severity))))
                .get("reference")
                .asText();
    }

    private String tier1Task(String reference) {
        return await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(reference)
                                .taskCandidateGroup("tier1")
                                .singleResult(),
                        t -> t != null)
                .getId();
    }

    private static int indexOf(List<String> names, String reference) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith(reference + " ")) {
                return i;
            }
        }
        return -1;
    }

    /** The form-js input or textarea under the given label. */
    private WebElement field(String label) {
        return browser.findElement(By.xpath(
                "//label[text()[normalize-space()='" + label + "']]/following::*[self::input or self::textarea][1]"));
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private String api(String path, String body) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("ivy:ivy".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
