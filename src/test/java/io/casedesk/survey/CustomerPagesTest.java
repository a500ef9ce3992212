package io.casedesk.survey;

import static io.casedesk.TestPages.csrf;
import static io.casedesk.TestPages.enc;
import static io.casedesk.survey.CustomerJourney.awaitValidLink;
import static io.casedesk.survey.CustomerJourney.onServer;
import static io.casedesk.survey.CustomerJourney.openCase;
import static io.casedesk.survey.CustomerJourney.resolve;
import static io.casedesk.survey.CustomerJourney.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.mail.CustomerLinks.SurveyLinks;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer pages over real HTTP on the running application: one-click score, the comment step, the friendly
 * page for every link that is not (or no longer) valid, and that what a customer typed comes back escaped.
 */
@EndToEndContext
class CustomerPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    TaskService tasks;

    @Autowired
    FeedbackService feedback;

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void mailLinks_pointAtThisServer_onItsRandomPort_whenNoPublicUrlIsSet() throws Exception {
        String ref = openCase(intake, "Parcel lost again", "Where is it?");
        resolve(tasks, ref);
        String link = awaitValidLink(feedback, ref, "Resolved", "resolution");

        assertThat(link).startsWith("http://localhost:" + port + "/resolution/");
        assertThat(get(link).statusCode())
                .as("the link as mailed reaches this server")
                .isEqualTo(200);
    }

    @Test
    void oneClickScore_recordsTheFirstClickOnly_movesTheFlowOn_andTakesOneComment() throws Exception {
        String ref = openCase(intake, "Parcel <b>lost</b> ${7*7}", "Where is it?");
        resolve(tasks, ref);
        assertThat(feedback.answerResolution(token(awaitValidLink(feedback, ref, "Resolved", "resolution")), true))
                .isTrue();
        String survey = onServer(awaitValidLink(feedback, ref, "How did we do", "survey"), base());

        var scored = click(survey, 2);
        assertThat(scored.statusCode()).isEqualTo(200);
        assertCustomerPage(scored.body());
        assertThat(scored.body())
                .contains("We have recorded your rating: 2 out of 5.")
                .contains("Parcel &lt;b&gt;lost&lt;/b&gt; ${7*7}")
                .doesNotContain("<b>lost</b>")
                .contains("<textarea id=\"comment\" name=\"comment\"");
        assertThat(cases.get(ref).csat()).isEqualTo(2);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(ref)
                        .taskDefinitionKey("Task_CsatRecovery")
                        .count())
                .as("a score of 2 moved the flow on to the recovery task")
                .isEqualTo(1);

        var again = click(survey, 5);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Your rating was already recorded: 2 out of 5.");
        assertThat(cases.get(ref).csat()).isEqualTo(2);
        assertThat(get(survey).body())
                .as("the page itself offers the comment now")
                .contains("Your rating was already recorded: 2 out of 5.")
                .doesNotContain("type=\"radio\"");

        String comment = "<script>alert('x')</script> [[${7*7}]] line two";
        var commented = post(survey, "comment=" + enc(comment), again.body());
        assertThat(commented.statusCode()).isEqualTo(200);
        assertThat(commented.body()).contains("Thank you for your comment.");
        assertThat(cases.get(ref).csatComment()).isEqualTo(comment);
        assertThat(cases.get(ref).csat()).isEqualTo(2);
        assertThat(cases.timeline(ref).stream().map(e -> e.type().wire())).containsOnlyOnce("csat", "csat-comment");

        var used = click(survey, 3);
        assertThat(used.statusCode()).isEqualTo(404);
        assertThat(used.body()).contains("This link is no longer valid").doesNotContain("Parcel");
        assertThat(post(survey, "comment=more", again.body()).statusCode()).isEqualTo(404);
        assertThat(cases.get(ref).csatComment()).isEqualTo(comment);
    }

    @Test
    void twoClicksAtOnce_recordOneScore() throws Exception {
        String ref = openCase(intake, "Two clicks", "Which one counts?");
        resolve(tasks, ref);
        assertThat(feedback.answerResolution(token(awaitValidLink(feedback, ref, "Resolved", "resolution")), true))
                .isTrue();
        String survey = onServer(awaitValidLink(feedback, ref, "How did we do", "survey"), base());
        var pool = Executors.newFixedThreadPool(2);
        try {
            // both pages are open (one session, one CSRF token), then both send their score at once
            var four = get(survey + "?score=4");
            var five = get(survey + "?score=5");
            var first = pool.submit(
                    (Callable<HttpResponse<String>>) () -> post(survey, "score=4&oneClick=true", four.body()));
            var second = pool.submit(
                    (Callable<HttpResponse<String>>) () -> post(survey, "score=5&oneClick=true", five.body()));
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(second.get().statusCode()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases.timeline(ref).stream().map(e -> e.type().wire())).containsOnlyOnce("csat");
        assertThat(cases.get(ref).csat()).isIn(4, 5);
    }

    @Test
    void theFullSurveyForm_keepsWhatWasTyped_escaped_whenTheScoreIsMissingOrTheCommentTooLong() throws Exception {
        String ref = openCase(intake, "Form <i>check</i>", "Checking the form");
        SurveyLinks links = feedback.surveyLinks(cases.get(ref).id());
        String survey = onServer(links.page(), base());
        var page = get(survey);
        assertThat(page.statusCode()).isEqualTo(200);
        assertCustomerPage(page.body());
        assertThat(page.body())
                .contains("<fieldset class=\"scores\">")
                .contains("<legend>How satisfied are you")
                .contains("Form &lt;i&gt;check&lt;/i&gt;");

        var noScore = post(survey, "comment=" + enc("<img src=x onerror=alert(1)>"), page.body());
        assertThat(noScore.statusCode()).isEqualTo(400);
        assertThat(noScore.body())
                .contains("Please choose a score from 1 to 5.")
                .contains("&lt;img src=x onerror=alert(1)&gt;</textarea>")
                .doesNotContain("<img src=x");

        var tooLong = post(survey, "score=4&comment=" + enc("<" + "x".repeat(2000)), page.body());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("longer than 2000 characters").contains("&lt;xxx");

        var badScore = get(survey + "?score=9");
        assertThat(badScore.statusCode()).isEqualTo(400);
        assertThat(badScore.body()).contains("Please choose a score from 1 to 5.");
        assertThat(get(survey + "?score=abc").statusCode()).isEqualTo(400);
        assertThat(cases.get(ref).csat()).isNull();
    }

    @Test
    void aScoreTheFlowNoLongerWaitsFor_isNotKept() throws Exception {
        String ref = openCase(intake, "Not closed yet", "The survey is not due");
        SurveyLinks links = feedback.surveyLinks(cases.get(ref).id());
        var click = click(onServer(links.page(), base()), 1);
        assertThat(click.statusCode()).isEqualTo(404);
        assertThat(click.body()).contains("This link is no longer valid").doesNotContain("Not closed yet");
        assertThat(cases.get(ref).csat()).isNull();
        assertThat(cases.timeline(ref).stream().map(e -> e.type().wire())).doesNotContain("csat");
    }

    @Test
    void unknownRetiredOrMisusedLinks_getTheFriendlyPage_andNoCaseData() throws Exception {
        String ref = openCase(intake, "Secret subject of another customer", "Private");
        long id = cases.get(ref).id();
        String older = token(feedback.surveyLinks(id).page());
        String newer = token(feedback.surveyLinks(id).page());
        String resolution = token(feedback.resolutionLink(id));
        String unknown = "A".repeat(43);

        for (String path : new String[] {
            "/survey/" + unknown,
            "/survey/" + unknown + "?score=4",
            "/resolution/" + unknown,
            "/survey/" + older,
            "/survey/" + older + "?score=5",
            "/survey/" + resolution,
            "/resolution/" + newer,
            "/survey/%3Cscript%3E",
            "/resolution/..%2F..%2Fetc"
        }) {
            var page = get(base() + path);
            assertThat(page.statusCode()).as(path).isIn(404, 400);
            assertThat(page.body()).as(path).doesNotContain("Secret subject");
            if (page.statusCode() == 404 && page.body().contains("<html")) {
                assertThat(page.body()).as(path).contains("This link is no longer valid");
                assertCustomerPage(page.body());
            }
        }
        var valid = get(base() + "/resolution/" + resolution);
        assertThat(valid.statusCode()).isEqualTo(200);
        var noAnswer = post(base() + "/resolution/" + resolution, "fixed=maybe", valid.body());
        assertThat(noAnswer.statusCode()).isEqualTo(400);
        assertThat(noAnswer.body()).contains("Please choose one of the two answers.");
        assertThat(post(base() + "/resolution/" + unknown, "fixed=true", valid.body())
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(base() + "/survey/" + unknown, "score=5", valid.body()).statusCode())
                .isEqualTo(404);
        assertThat(cases.get(ref).csat()).isNull();
    }

    /** What every customer page must be: English, fit for a phone, no inline script, nothing loaded from elsewhere. */
    static void assertCustomerPage(String html) {
        assertThat(html)
                .contains("<html lang=\"en\"")
                .contains("name=\"viewport\"")
                .contains("content=\"no-referrer\"")
                .doesNotContainPattern("<script(?![^>]* src=\"/)")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    /**
     * What a person's browser does with a one-click score link of the survey mail: it opens the page (which records
     * nothing), whose script sends the score.
     */
    private HttpResponse<String> click(String survey, int score) throws IOException, InterruptedException {
        var page = get(survey + "?score=" + score);
        if (page.statusCode() != 200 || !page.body().contains("name=\"oneClick\"")) {
            return page;
        }
        assertCustomerPage(page.body());
        return post(survey, "score=" + score + "&oneClick=true", page.body());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String fields, String pageWithForm)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + enc(csrf(pageWithForm))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
