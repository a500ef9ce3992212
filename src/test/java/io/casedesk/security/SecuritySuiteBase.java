package io.casedesk.security;

import static io.casedesk.TestPages.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.ContextProcessEngine;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The security suite's shared application and HTTP helpers: every security test class extends this, so all share one context.
 * The whole application on its own in-memory H2 (profile dev: the demo users of API.md, password = user id),
 * with low rate limits so the limits can be shown without slowing other suites (they run in other contexts).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:security-suite;DB_CLOSE_DELAY=-1",
            "casedesk.rate-limit.intake.capacity=12",
            "casedesk.rate-limit.pages.capacity=15",
            "casedesk.rate-limit.simulation.capacity=4"
        })
@AutoConfigureMockMvc
// tests switch metrics export off by default; /actuator/prometheus is part of what this suite checks
@AutoConfigureObservability(tracing = false)
// /engine-rest finds its engine by name in a registry of the JVM, which other cached contexts share
@ExtendWith(ContextProcessEngine.class)
abstract class SecuritySuiteBase {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String STRONG_PASSWORD = "Corr3ct-Horse-Battery";
    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)> ${7*7} #{7*7} [[${7*7}]]";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseService cases;

    @Autowired
    MockMvc mvc;

    // keeps the session cookie of the customer pages, whose CSRF token lives in the session
    final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static boolean referencesMoved;

    /**
     * Case references come from the database's id sequence, and every context has its own database but the JVM
     * shares one mail server whose mails are found by reference: this suite numbers its cases from 900001 so
     * they never collide with another suite's CASE-000001.
     */
    @org.junit.jupiter.api.BeforeEach
    void ownCaseReferences() {
        if (!referencesMoved) {
            jdbc.execute("ALTER TABLE support_case ALTER COLUMN id RESTART WITH 900001");
            referencesMoved = true;
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    String openCase(String user, String tier, String subject, String description) throws Exception {
        return openCase(user, user, tier, subject, description);
    }

    /** An integration account of its own, so the intake rate limit of one test does not reach another. */
    String newIntegration() {
        String user = "bot-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(user, STRONG_PASSWORD, "integrations");
        return user;
    }

    String openCase(String user, String password, String tier, String subject, String description) throws Exception {
        var opened = send(user, password, post("/api/cases", """
                {"channel":"email","customer":{"email":"%s","name":"Ana","tier":"%s"},"subject":%s,"description":%s}""".formatted(
                        "sec-" + UUID.randomUUID() + "@example.com",
                        tier,
                        json.writeValueAsString(subject),
                        json.writeValueAsString(description))));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String ref = json.readTree(opened.body()).get("reference").asText();
        assertThat(ref).startsWith("CASE-9");
        return ref;
    }

    String newCase(String email, String subject, String description) {
        return """
                {"channel":"email","customer":{"email":"%s","name":"X"},"subject":"%s","description":"%s"}""".formatted(email, subject, description);
    }

    String completion(String outcome) throws IOException {
        var variables = json.createObjectNode();
        variables.putObject("outcome").put("value", outcome).put("type", "String");
        variables.putObject("reply").put("value", "We re-sent it.").put("type", "String");
        variables.putObject("resolution").put("value", "Reshipped").put("type", "String");
        variables.putObject("tags").put("value", "delivery-delay").put("type", "String");
        variables.putObject("knowledgeGap").put("value", false).put("type", "Boolean");
        return json.writeValueAsString(json.createObjectNode().set("variables", variables));
    }

    void createUser(String id, String password, String group) {
        var user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName("User");
        user.setEmail(id + "@casedesk.local");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    HttpResponse<String> deploy(String user, String name, String model) throws Exception {
        String boundary = "----casedesk" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        return send(
                user,
                HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static byte[] serialize(Object o) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static String randomToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A plain HTTP/1.1 GET from the given local address (HttpClient cannot choose its source address). */
    String rawGet(InetAddress from, String path) throws IOException {
        return rawGet(from, path, "");
    }

    /** The same with extra header lines, each ending in CRLF. */
    String rawGet(InetAddress from, String path, String headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder form(String path, String fields, String csrfToken) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        csrfToken == null ? fields : fields + "&_csrf=" + enc(csrfToken)));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(user, user, request);
    }

    HttpResponse<String> send(String user, String password, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
