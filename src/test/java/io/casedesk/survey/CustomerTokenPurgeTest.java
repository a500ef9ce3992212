package io.casedesk.survey;

import static io.casedesk.survey.CustomerJourney.awaitValidLink;
import static io.casedesk.survey.CustomerJourney.onServer;
import static io.casedesk.survey.CustomerJourney.openCase;
import static io.casedesk.survey.CustomerJourney.resolve;
import static io.casedesk.survey.CustomerJourney.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customer tokens are kept casedesk.survey.token-retention (30 days) after they expired or were used, then purged;
 * the customer's link then still gets the friendly page, and shows nothing of any case.
 */
@EndToEndContext
class CustomerTokenPurgeTest {

    private static final Duration RETENTION = Duration.ofDays(30);

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

    @Autowired
    CustomerTokenPurge purge;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensExpiredOrUsedLongerAgoThanTheRetention_arePurged_othersKept() {
        String ref = openCase(intake, "Token purge", "My order is late.");
        long caseId = cases.idOf(ref);
        Instant now = Instant.now();
        Duration longAgo = RETENTION.plusDays(1);
        String expiredLongAgo = insert(caseId, now.minus(longAgo).minus(RETENTION), now.minus(longAgo), null);
        String expiredRecently = insert(caseId, now.minus(Duration.ofDays(35)), now.minus(Duration.ofDays(5)), null);
        String usedLongAgo =
                insert(caseId, now.minus(longAgo).minusSeconds(60), now.plus(Duration.ofDays(3)), now.minus(longAgo));
        String usedRecently = insert(
                caseId, now.minus(Duration.ofDays(12)), now.plus(Duration.ofDays(18)), now.minus(Duration.ofDays(10)));
        String live = insert(caseId, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(29)), null);

        assertThat(purge.purge(now)).isGreaterThanOrEqualTo(2);

        assertThat(exists(expiredLongAgo)).isFalse();
        assertThat(exists(usedLongAgo)).isFalse();
        assertThat(exists(expiredRecently)).isTrue();
        assertThat(exists(usedRecently)).isTrue();
        assertThat(exists(live)).isTrue();
        assertThat(feedback.subjectFor(live, false))
                .as("a live link still works")
                .contains("Token purge");
        assertThat(purge.purge(now))
                .as("a second node purging the same finds nothing left")
                .isZero();
    }

    @Test
    void aUsedLink_stillGetsTheFriendlyPage_afterItsTokenIsPurged() throws Exception {
        String ref = openCase(intake, "Purged link subject", "It broke again.");
        resolve(tasks, ref);
        String link = onServer(awaitValidLink(feedback, ref, "Resolved", "resolution"), "http://localhost:" + port);
        assertThat(feedback.answerResolution(token(link), true)).isTrue();
        var usedPage = get(link);
        assertThat(usedPage.statusCode()).isEqualTo(404);
        assertThat(usedPage.body()).contains("This link is no longer valid").doesNotContain("Purged link subject");

        // used a retention and a day ago: the purge takes it
        Instant usedAt = Instant.now().minus(RETENTION).minus(Duration.ofDays(1));
        assertThat(jdbc.sql("UPDATE customer_token SET used_at = :at WHERE token = :token")
                        .param("at", Timestamp.from(usedAt))
                        .param("token", token(link))
                        .update())
                .isEqualTo(1);
        assertThat(purge.purge(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(exists(token(link))).isFalse();

        var purgedPage = get(link);
        assertThat(purgedPage.statusCode()).isEqualTo(404);
        assertThat(purgedPage.body())
                .contains("This link is no longer valid")
                .doesNotContain("Purged link subject")
                .doesNotContain(ref);
        assertThat(cases.get(ref).status().name())
                .as("the answer given before the purge stands")
                .isIn("RESOLVED", "CLOSED");
    }

    private String insert(long caseId, Instant created, Instant expires, Instant used) {
        String token = "purge-test-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO customer_token (token, case_id, purpose, created_at, expires_at, used_at)
                VALUES (:token, :caseId, 'RESOLUTION', :created, :expires, :used)""")
                .param("token", token)
                .param("caseId", caseId)
                .param("created", Timestamp.from(created))
                .param("expires", Timestamp.from(expires))
                .param("used", used == null ? null : Timestamp.from(used))
                .update();
        return token;
    }

    private boolean exists(String token) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_token WHERE token = :token")
                        .param("token", token)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
