package io.casedesk.survey;

import static io.casedesk.survey.CustomerJourney.PATIENCE;
import static io.casedesk.survey.CustomerJourney.awaitValidLink;
import static io.casedesk.survey.CustomerJourney.onServer;
import static io.casedesk.survey.CustomerJourney.openCase;
import static io.casedesk.survey.CustomerJourney.resolve;
import static io.casedesk.survey.CustomerJourney.scoreLinkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.casedesk.BrowserSession;
import io.casedesk.BrowserTest;
import io.casedesk.EndToEndContext;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.SupportCase;
import io.casedesk.intake.IntakeService;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
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
 * A customer in a real browser (Debian's headless Chromium through its chromedriver; nothing downloads a browser),
 * at a phone's width: the links come out of the mails the SMTP server really received, the answers move the flow
 * on, and a used link shows the friendly page. Screenshots of every page go to target/screenshots/. Skipped on a
 * machine without the browser, required in CI: see {@link BrowserTest}.
 */
@BrowserTest
@EndToEndContext
class CustomerPagesBrowserTest {

    @RegisterExtension
    static final BrowserSession chromium = new BrowserSession("390,844");

    private final WebDriver browser = chromium.driver();

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    FeedbackService feedback;

    @Test
    void aCustomerConfirmsTheFix_ratesWithOneClick_addsAComment_andAReusedLinkShowsTheFriendlyPage() throws Exception {
        String subject = "Order #7781 <b>never</b> arrived";
        String ref = openCase(intake, subject, "The parcel is lost, I think.");
        resolve(tasks, ref);

        // the resolution mail's link: "is it fixed?"
        String resolutionLink = onServer(awaitValidLink(feedback, ref, "Resolved", "resolution"), base());
        browser.get(resolutionLink);
        assertPhonePage("01-resolution");
        assertThat(browser.getTitle()).startsWith("Is it fixed?");
        assertThat(text(By.className("subject"))).isEqualTo(subject);
        assertThat(browser.findElement(By.tagName("legend")).getText()).contains("whether the problem is solved");
        submit("Yes, it is fixed");
        assertPhonePage("02-resolution-thanks");
        assertThat(text(By.id("message"))).isEqualTo("Thank you for confirming. We are glad it is fixed.");
        assertThat(browser.findElement(By.id("message")).getAttribute("role")).isEqualTo("status");

        // the flow moved on: the case is closed and the survey mail arrives
        String surveyLink = onServer(awaitValidLink(feedback, ref, "How did we do", "survey"), base());
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.CLOSED);

        // one click on "4" in the mail records the score at once and offers a comment
        String scoreLink = scoreLinkIn(ref, 4)
                .map(link -> onServer(link, base()))
                .orElseThrow(() -> new AssertionError("the survey mail carries no one-click link for 4"));
        browser.get(scoreLink);
        assertPhonePage("03-survey-scored");
        assertThat(text(By.id("message"))).isEqualTo("We have recorded your rating: 4 out of 5.");
        assertThat(cases.get(ref).csat()).isEqualTo(4);
        String processInstanceId = cases.get(ref).processInstanceId();
        await().atMost(PATIENCE)
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .finished()
                                .count()
                        == 1);

        // the same link again records nothing more
        browser.get(surveyLink + "?score=1");
        assertPhonePage("04-survey-already-scored");
        assertThat(text(By.id("message")))
                .isEqualTo("Your rating was already recorded: 4 out of 5. You can still add a comment.");
        assertThat(cases.get(ref).csat()).isEqualTo(4);

        WebElement comment = browser.findElement(By.id("comment"));
        assertThat(browser.findElement(By.cssSelector("label[for=comment]")).getText())
                .startsWith("Would you like to tell us more?");
        String typed = "Quick help <script>alert('hi')</script>, thank you!";
        comment.sendKeys(typed);
        screenshot("05-survey-comment-typed");
        submit("Send comment");
        assertPhonePage("06-survey-thanks");
        assertThat(text(By.id("message"))).isEqualTo("Thank you for your comment. We read every one.");
        SupportCase rated = cases.get(ref);
        assertThat(rated.csat()).isEqualTo(4);
        assertThat(rated.csatComment()).isEqualTo(typed);

        // used links: the friendly page, nothing of the case
        for (String used : List.of(resolutionLink, surveyLink, scoreLink)) {
            browser.get(used);
            assertThat(browser.getTitle()).startsWith("This link is no longer valid");
            assertThat(browser.getPageSource()).doesNotContain("7781").doesNotContain(ref);
        }
        assertPhonePage("07-link-not-valid");
        assertThat(CustomerJourney.mailsFor(ref))
                .extracting(TestMailServer::subject)
                .anyMatch(mailSubject -> mailSubject.contains("We have received"));
    }

    @Test
    void stillBroken_reopensTheCase() throws Exception {
        String ref = openCase(intake, "Printer offline", "The printer is offline again.");
        resolve(tasks, ref);
        browser.get(onServer(awaitValidLink(feedback, ref, "Resolved", "resolution"), base()));
        submit("No, it is still broken");
        assertThat(text(By.id("message"))).contains("We have reopened your case");
        SupportCase reopened = cases.get(ref);
        // reopened as a repeat failure, which the escalation table may escalate at once
        assertThat(reopened.status()).isIn(CaseStatus.IN_PROGRESS, CaseStatus.ESCALATED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.resolvedAt()).isNull();
        await().atMost(PATIENCE)
                .until(() ->
                        tasks.createTaskQuery().processInstanceBusinessKey(ref).count() == 1);
    }

    @Test
    void theSurveyForm_worksWithoutJavaScript_keyboardAndLabelsIncluded() throws Exception {
        String ref = openCase(intake, "Survey by keyboard", "Testing the form.");
        resolve(tasks, ref);
        feedbackConfirms(ref);
        browser.get(onServer(awaitValidLink(feedback, ref, "How did we do", "survey"), base()));
        assertPhonePage("08-survey-form");
        // every input has a label, the scores are a fieldset with a legend
        assertThat(browser.findElements(By.cssSelector("fieldset.scores > legend")))
                .hasSize(1);
        List<WebElement> scores = browser.findElements(By.cssSelector("input[name=score]"));
        assertThat(scores).hasSize(5);
        for (WebElement score : scores) {
            assertThat(score.findElement(By.xpath("ancestor::label")).getText()).isNotBlank();
        }
        button("Send").click();
        // the browser refuses the form without a score (required), so nothing left the page
        assertThat(browser.getTitle()).startsWith("How did we do?");
        scores.get(4).click();
        browser.findElement(By.id("comment")).sendKeys("Great.");
        submit("Send");
        assertThat(text(By.id("message"))).isEqualTo("Thank you for your feedback.");
        assertThat(cases.get(ref).csat()).isEqualTo(5);
        assertThat(cases.get(ref).csatComment()).isEqualTo("Great.");
    }

    private void feedbackConfirms(String ref) {
        String link = awaitValidLink(feedback, ref, "Resolved", "resolution");
        assertThat(feedback.answerResolution(CustomerJourney.token(link), true)).isTrue();
    }

    /** Fits a phone: nothing wider than the screen, text at a readable size, the page in English. */
    private void assertPhonePage(String name) throws IOException {
        var js = (JavascriptExecutor) browser;
        assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as(name + " fits the width")
                .isTrue();
        assertThat(((Number) js.executeScript("return parseFloat(getComputedStyle(document.body).fontSize)"))
                        .doubleValue())
                .isGreaterThanOrEqualTo(16);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        for (WebElement button : browser.findElements(By.tagName("button"))) {
            assertThat(button.getSize().getHeight()).as("tap target height").isGreaterThanOrEqualTo(44);
        }
        screenshot(name);
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    /** Clicks the button and waits for the answer page to replace the form. */
    private void submit(String label) {
        WebElement button = button(label);
        button.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.stalenessOf(button));
    }

    private WebElement button(String label) {
        return browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
    }

    private String text(By by) {
        var found = browser.findElements(by);
        assertThat(found)
                .as("%s on the page \"%s\": %s", by, browser.getTitle(), browser.getPageSource())
                .hasSize(1);
        return found.get(0).getText();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
