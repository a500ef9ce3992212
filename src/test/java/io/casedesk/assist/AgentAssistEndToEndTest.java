package io.casedesk.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.EndToEndContext;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.prevention.PreventionService;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The assist on the running application: a resolved case becomes a similar case of a new one (API and the agent's
 * form), the draft offered on the form is what the agent's reply is measured against; a prevention ticket writes an
 * article that /api/kb finds, that a public page shows to anyone without another customer's data, and that a later
 * suggested reply links.
 */
@EndToEndContext
class AgentAssistEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IntakeService intake;

    @Autowired
    TaskService tasks;

    @Autowired
    CaseIndex index;

    @Autowired
    PreventionService prevention;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aResolvedCase_isSimilarToANewOne_onTheApiAndTheForm_andTheDraftSentUnchangedIsCounted() throws Exception {
        String resolved = open(
                "Espresso machine leaks water from the drip tray",
                "Since yesterday my espresso machine leaks water under the drip tray.");
        Task first = task(resolved, "Task_Troubleshoot");
        tasks.complete(
                first.getId(),
                Map.of(
                        "outcome", "resolved",
                        "reply", "We sent you a new drip tray seal.",
                        "resolution", "Sent a replacement drip tray seal; the leak stopped.",
                        "tags", "damaged-item",
                        "knowledgeGap", false));
        index.catchUp();

        String asking = open(
                "Water leaking from espresso machine",
                "My espresso machine leaks water at the drip tray, what can I do?");
        JsonNode similar = get("/api/cases/" + asking + "/similar", "alice");
        assertThat(similar.isArray()).isTrue();
        assertThat(similar.get(0).get("reference").asText()).isEqualTo(resolved);
        assertThat(similar.get(0).get("resolution").asText()).contains("drip tray seal");
        assertThat(similar.get(0).get("score").asDouble()).isPositive();
        assertThat(similar.findValuesAsText("reference")).doesNotContain(asking);

        JsonNode reply = get("/api/cases/" + asking + "/suggested-reply", "alice");
        assertThat(reply.get("text").asText()).contains("Sent a replacement drip tray seal");
        assertThat(reply.get("sources").get(0).asText()).isEqualTo(resolved);

        Task task = task(asking, "Task_Troubleshoot");
        assertThat((String) tasks.getVariableLocal(task.getId(), "similarCasesText"))
                .contains(resolved)
                .contains("drip tray seal");
        String draft = (String) tasks.getVariableLocal(task.getId(), "suggestedReply");
        assertThat(draft).contains("Sent a replacement drip tray seal");

        double unchanged = registry.counter("casedesk.suggested.replies", "use", "unchanged")
                .count();
        tasks.complete(task.getId(), Map.of("outcome", "need_info", "reply", draft));
        await().atMost(PATIENCE)
                .until(() -> registry.counter("casedesk.suggested.replies", "use", "unchanged")
                                .count()
                        == unchanged + 1);
    }

    @Test
    void aPreventionTicket_writesAnArticle_thatTheApiFinds_thePublicPageShows_andASuggestedReplyLinks()
            throws Exception {
        String gap = open("Gift voucher not accepted", "My gift voucher code is refused at the till.");
        prevention.requestFor(gap, List.of("how-to"));
        long ticket = prevention.openTicket("how-to").orElseThrow();
        Task prevent = await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey("PREV-" + ticket)
                                .singleResult(),
                        t -> t != null);
        tasks.complete(
                prevent.getId(),
                Map.of(
                        "action",
                        "kb-article",
                        "preventionNote",
                        "Article on vouchers",
                        "articleTitle",
                        "Gift voucher code refused",
                        "articleBody",
                        "A gift voucher code works once the voucher is activated, a day after purchase.\n\n"
                                + "Type it without spaces; capital letters do not matter.",
                        "articleTags",
                        "how-to"));

        JsonNode found =
                await().atMost(PATIENCE).until(() -> get("/api/kb?query=voucher%20refused", "kim"), a -> a.size() > 0);
        JsonNode article = found.get(0);
        assertThat(article.get("title").asText()).isEqualTo("Gift voucher code refused");
        assertThat(article.get("id").asText()).startsWith("KB-");
        String url = article.get("url").asText();
        assertThat(url).isEqualTo("http://localhost:" + port + "/kb/gift-voucher-code-refused");

        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(page.body())
                .contains("Gift voucher code refused")
                .contains("a day after purchase")
                .doesNotContain("at the till")
                .doesNotContain(gap)
                .doesNotContain("@example.com");
        HttpResponse<String> byId = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kb/"
                                + article.get("id").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(byId.statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kb/no-such-article"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("We could not find this article");

        String later = open("Voucher code refused", "The gift voucher code I got is refused, is it activated?");
        JsonNode reply = get("/api/cases/" + later + "/suggested-reply", "bob");
        assertThat(reply.get("sources").get(0).asText())
                .isEqualTo(article.get("id").asText());
        assertThat(reply.get("text").asText()).contains("Read it here: " + url);
    }

    private String open(String subject, String description) {
        return TestCases.open(
                intake,
                "email",
                "assist-" + UUID.randomUUID() + "@example.com",
                "standard",
                subject,
                description,
                null);
    }

    private Task task(String reference, String key) {
        return await().atMost(PATIENCE)
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(reference)
                                .taskDefinitionKey(key)
                                .singleResult(),
                        t -> t != null);
    }

    private JsonNode get(String path, String user) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
