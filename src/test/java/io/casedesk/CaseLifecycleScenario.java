package io.casedesk;

import static io.casedesk.TestPages.csrf;
import static io.casedesk.TestPages.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One case end to end through the real HTTP API, /engine-rest, the job executor, the SMTP server and the customer
 * pages, plus a policy change deployed through /engine-rest. Run on H2 and on MySQL/MariaDB by the subclasses.
 */
abstract class CaseLifecycleScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @org.junit.jupiter.api.BeforeEach
    void emptyMailbox() {
        TestMailServer.purge();
    }

    @Test
    void health_isExactlyWhatApiMdPromises() throws Exception {
        var health = send(null, get("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        // API.md's {"status":"UP"}, plus the names of the probe groups Spring Boot lists beside it (README, "Database
        // outage"); no component or detail
        assertThat(json.readTree(health.body()))
                .isEqualTo(json.readTree("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}"));
        assertThat(json.readTree(send(null, get("/actuator/health/readiness")).body()))
                .isEqualTo(json.readTree("{\"status\":\"UP\"}"));
        assertThat(json.readTree(send(null, get("/actuator/health/liveness")).body()))
                .isEqualTo(json.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void oneCaseFromIntakeToSurvey_throughApiEngineRestMailAndCustomerPages() throws Exception {
        String customer = "ana-" + UUID.randomUUID() + "@example.com";
        var opened = send(
                "ivy",
                post("/api/cases", """
                {"channel":"email","customer":{"email":"%s","name":"Ana","tier":"standard"},
                 "subject":"Order #4521 has not arrived","description":"Still no parcel. <script>alert(1)</script> ${7*7}",
                 "orderId":"4521"}""".formatted(customer))
                        .header("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode created = json.readTree(opened.body());
        String ref = created.get("reference").asText();
        assertThat(opened.headers().firstValue("Location")).contains("/api/cases/" + ref);
        assertThat(created.get("priority").asText()).isEqualTo("P3");
        assertThat(Instant.parse(created.get("responseDueAt").asText())).isAfter(Instant.now());

        // other test contexts (own databases, same SMTP server) have cases with the same references: mails are
        // told apart by the customer's unique address
        await().atMost(PATIENCE).until(() -> !mailsTo(ref, customer).isEmpty());
        assertThat(TestMailServer.subject(mailsTo(ref, customer).get(0))).contains("We have received");
        // the SMTP server has the mail a moment before the delivery transaction commits
        await().atMost(PATIENCE)
                .until(() -> !caseView(ref).get("acknowledgedAt").isNull());
        JsonNode view = caseView(ref);
        assertThat(view.get("description").asText()).isEqualTo("Still no parcel. <script>alert(1)</script> ${7*7}");
        assertThat(view.get("timeline").toString()).contains("case-priority v1 rule Rule_Priority_");

        assertThat(json.readTree(send("bob", get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + ref))
                        .body()))
                .as("tier2 sees no tier1 task")
                .isEmpty();
        String taskId = taskOf("alice", ref, "Task_Troubleshoot");
        var tooVague = send(
                "alice",
                post(
                        "/engine-rest/task/" + taskId + "/complete",
                        completion("resolved", "Fixed", "Reshipped", "not-a-tag")));
        assertThat(tooVague.statusCode()).isEqualTo(400);
        assertThat(tooVague.body()).contains("not-a-tag");
        assertThat(send(
                                "alice",
                                post(
                                        "/engine-rest/task/" + taskId + "/complete",
                                        completion("need_info", "Which address did you use?", null, null)))
                        .statusCode())
                .isEqualTo(204);
        await().atMost(PATIENCE)
                .until(() -> TestMailServer.mailsFor(ref).stream()
                        .anyMatch(m -> TestMailServer.subject(m).contains("We need a few more details")));
        assertThat(caseView(ref).get("status").asText()).isEqualTo("waiting_on_customer");

        var reply = send("ivy", post("/api/cases/" + ref + "/messages", """
                {"from":"customer","body":"Main Street 1, 12345 Town"}"""));
        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.body()).contains("resumed");

        taskId = taskOf("alice", ref, "Task_Troubleshoot");
        assertThat(send(
                                "alice",
                                post(
                                        "/engine-rest/task/" + taskId + "/complete",
                                        completion(
                                                "resolved",
                                                "We re-sent your parcel.",
                                                "Reshipped with express",
                                                "delivery-delay")))
                        .statusCode())
                .isEqualTo(204);
        String resolutionToken = await().atMost(PATIENCE)
                .until(() -> committedToken(ref, customer, "Resolved", "resolution"), t -> t != null);

        var page = send(null, get("/resolution/" + resolutionToken));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Order #4521 has not arrived");
        var answered = send(null, form("/resolution/" + resolutionToken, "fixed=true", csrf(page.body())));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Thank you");
        var reused = send(null, get("/resolution/" + resolutionToken));
        assertThat(reused.statusCode()).isEqualTo(404);
        assertThat(reused.body()).contains("no longer valid").doesNotContain("4521");

        String surveyToken = await().atMost(PATIENCE)
                .until(() -> committedToken(ref, customer, "How did we do", "survey"), t -> t != null);
        var survey = send(null, get("/survey/" + surveyToken));
        assertThat(survey.statusCode()).isEqualTo(200);
        assertThat(send(
                                null,
                                form(
                                        "/survey/" + surveyToken,
                                        "score=4&comment=" + enc("Fast, thanks"),
                                        csrf(survey.body())))
                        .statusCode())
                .isEqualTo(200);

        String processInstanceId = created.get("processInstanceId").asText();
        await().atMost(PATIENCE)
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .finished()
                                .count()
                        == 1);
        JsonNode closed = caseView(ref);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("csat").asInt()).isEqualTo(4);
        assertThat(closed.get("tags").toString()).contains("delivery-delay");
        for (String field : new String[] {"createdAt", "acknowledgedAt", "firstResponseAt", "resolvedAt", "closedAt"}) {
            assertThat(closed.get(field).isNull()).as(field).isFalse();
        }
    }

    @Test
    void policyDeployedThroughEngineRest_governsNewCases_andItsSlaTimersFireWithinSeconds() throws Exception {
        Path table = Path.of("dmn/sla-targets.dmn");
        String original = Files.readString(table);
        String fast = original.replace("&quot;PT2M&quot;", "&quot;PT3S&quot;")
                .replace("\"PT2M\"", "\"PT3S\"")
                .replace("&quot;PT24H&quot;", "&quot;PT6S&quot;")
                .replace("\"PT24H\"", "\"PT6S\"");
        assertThat(fast).isNotEqualTo(original);
        String runningBefore = json.readTree(send("ivy", post("/api/cases", """
                {"channel":"chat","customer":{"email":"before-%s@example.com","name":"Al"},
                 "subject":"Opened before the change","description":"Which size should I order?"}""".formatted(UUID.randomUUID())))
                        .body())
                .get("reference")
                .asText();
        JsonNode before = caseView(runningBefore);
        assertThat(deploy("maria", fast).statusCode())
                .as("a manager may not deploy")
                .isEqualTo(403);
        assertThat(deploy("paul", fast).statusCode())
                .as("a process owner deploys")
                .isEqualTo(200);
        try {
            var opened = send("ivy", post("/api/cases", """
                    {"channel":"chat","customer":{"email":"chat-%s@example.com","name":"Bo"},
                     "subject":"Question about sizes","description":"Which size should I order?"}""".formatted(UUID.randomUUID())));
            assertThat(opened.statusCode()).isEqualTo(201);
            String ref = json.readTree(opened.body()).get("reference").asText();
            JsonNode c = caseView(ref);
            Instant created = Instant.parse(c.get("createdAt").asText());
            Instant responseDue = Instant.parse(c.get("responseDueAt").asText());
            Instant resolutionDue = Instant.parse(c.get("resolutionDueAt").asText());
            // PT3S from when the request starts the SLA clock, after the case was created, rounded up to the whole
            // second (SlaService.dueAt); MySQL stores createdAt to the second (sendFractionalSeconds=false, which the
            // engine needs): at least 3 s, under 5 s plus the request's time between the two (it was 5 s in a CI run)
            assertThat(Duration.between(created, responseDue)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
            assertThat(c.get("timeline").toString()).contains("sla-targets v2 rule Rule_Sla_P3_Chat");

            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> caseView(ref).get("resolutionBreached").asBoolean());
            JsonNode breached = caseView(ref);
            assertThat(breached.get("responseBreached").asBoolean()).isTrue();
            Instant[] breaches = breachTimes(breached);
            assertThat(Duration.between(responseDue, breaches[0]))
                    .as("response breach lateness")
                    .isBetween(Duration.ZERO, Duration.ofSeconds(5));
            assertThat(Duration.between(resolutionDue, breaches[1]))
                    .as("resolution breach lateness")
                    .isBetween(Duration.ZERO, Duration.ofSeconds(5));
            // each breach moves the case one step: tier 1 to tier 2, then (already escalated) on to the specialists
            await().atMost(PATIENCE)
                    .until(() -> caseView(ref).get("assignedGroup").asText().equals("specialists"));
            JsonNode unchanged = caseView(runningBefore);
            assertThat(unchanged.get("responseDueAt"))
                    .as("a running case keeps the SLA it started with")
                    .isEqualTo(before.get("responseDueAt"));
            assertThat(unchanged.get("resolutionDueAt")).isEqualTo(before.get("resolutionDueAt"));
            assertThat(unchanged.get("responseBreached").asBoolean()).isFalse();
            assertThat(unchanged.get("timeline").toString()).contains("sla-targets v1 rule");
            assertThat(taskOf("sam", ref, "Task_Escalated")).isNotBlank();
        } finally {
            assertThat(deploy("paul", original).statusCode()).isEqualTo(200);
        }
    }

    private Instant[] breachTimes(JsonNode c) {
        Instant response = null;
        Instant resolution = null;
        for (JsonNode e : c.get("timeline")) {
            if ("sla-breach".equals(e.get("type").asText())) {
                Instant at = Instant.parse(e.get("at").asText());
                if (e.get("detail").asText().startsWith("First-response")) {
                    response = at;
                } else {
                    resolution = at;
                }
            }
        }
        return new Instant[] {response, resolution};
    }

    private HttpResponse<String> deploy(String user, String dmn) throws IOException, InterruptedException {
        String boundary = "----casedesk" + UUID.randomUUID();
        String body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsla-targets\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"sla-targets.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
        return send(
                user,
                HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String taskOf(String user, String ref, String definitionKey) throws Exception {
        return await().atMost(PATIENCE)
                .until(
                        () -> {
                            JsonNode list = json.readTree(send(
                                            user,
                                            get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + ref
                                                    + "&taskDefinitionKey=" + definitionKey))
                                    .body());
                            return list.isArray() && list.size() == 1
                                    ? list.get(0).get("id").asText()
                                    : null;
                        },
                        id -> id != null);
    }

    private JsonNode caseView(String ref) throws IOException, InterruptedException {
        var response = send("alice", get("/api/cases/" + ref));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String completion(String outcome, String reply, String resolution, String tags) throws IOException {
        var variables = json.createObjectNode();
        variables.putObject("outcome").put("value", outcome).put("type", "String");
        if (reply != null) {
            variables.putObject("reply").put("value", reply).put("type", "String");
        }
        if (resolution != null) {
            variables.putObject("resolution").put("value", resolution).put("type", "String");
            variables.putObject("tags").put("value", tags).put("type", "String");
        }
        variables.putObject("knowledgeGap").put("value", false).put("type", "Boolean");
        return json.writeValueAsString(json.createObjectNode().set("variables", variables));
    }

    private static List<MimeMessage> mailsTo(String ref, String customer) {
        return TestMailServer.mailsFor(ref).stream()
                .filter(m -> TestMailServer.recipient(m).equals(customer))
                .toList();
    }

    /** The token of the latest such mail, once its page opens (its job has committed). */
    private String committedToken(String ref, String customer, String subject, String page) throws Exception {
        String token = mailsTo(ref, customer).stream()
                .filter(m -> TestMailServer.subject(m).contains(subject))
                .reduce((a, b) -> b)
                .map(m -> TestMailServer.linkToken(m, page))
                .orElse(null);
        return token != null && send(null, get("/" + page + "/" + token)).statusCode() == 200 ? token : null;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String jsonBody) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    }

    private HttpRequest.Builder form(String path, String fields, String csrfToken) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + enc(csrfToken)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
