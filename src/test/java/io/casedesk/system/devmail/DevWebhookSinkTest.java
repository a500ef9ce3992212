package io.casedesk.system.devmail;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.TestWebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dev webhook sink as an integration sees a POST: the signature checked with the channel's secret (in this
 * context the test receiver's, casedesk.channels.chat.secret), 200 or 401, and the page lists what came, newest first,
 * escaped, a repeated delivery id marked, only http(s) links clickable. Without a login, like /dev/mail.
 */
@EndToEndContext
class DevWebhookSinkTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void checksTheSignature_andListsWhatArrived_newestFirst_escaped() throws Exception {
        String ref = "SINK-" + UUID.randomUUID();
        String delivery = UUID.randomUUID().toString();
        String body = """
                {"reference":"%s","kind":"agent-reply","text":"Hi <script>alert(1)</script>",\
                "links":[{"rel":"fixed","label":"Yes, it is fixed","url":"http://localhost/resolution/abc?answer=fixed"},\
                {"rel":"x","label":"evil","url":"javascript:alert(2)"}],"at":"2026-12-03T10:00:00Z"}""".formatted(ref);
        String signature = TestWebhookReceiver.sign(body, TestWebhookReceiver.CHAT_SECRET);

        assertThat(post("/dev/webhooks/receive/chat", delivery, signature, body).statusCode())
                .isEqualTo(200);
        assertThat(post("/dev/webhooks/receive/chat", delivery, signature, body).statusCode())
                .as("a repeat is taken, and marked")
                .isEqualTo(200);
        assertThat(post(
                                "/dev/webhooks/receive/chat",
                                UUID.randomUUID().toString(),
                                "sha256=00",
                                body.replace("agent-reply", "forged"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/dev/webhooks/receive/chat", UUID.randomUUID().toString(), null, body)
                        .statusCode())
                .isEqualTo(401);

        var page = get("/dev/webhooks");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html)
                .contains(ref + " · agent-reply")
                .contains("Hi &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert")
                .contains("<a href=\"http://localhost/resolution/abc?answer=fixed\">Yes, it is fixed</a>")
                .doesNotContain("javascript:")
                .contains("INVALID: answered 401")
                .contains("a repeat of");
        // arrival: signed, its repeat, forged, unsigned; the page starts with the last
        int forged = html.indexOf(ref + " · forged");
        assertThat(html.indexOf(ref + " · agent-reply")).as("newest first").isLessThan(forged);
        assertThat(html.lastIndexOf(ref + " · agent-reply")).as("oldest last").isGreaterThan(forged);
        assertThat(post("/dev/webhooks/receive/Not-A-Channel", delivery, signature, body)
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> post(String path, String delivery, String signature, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("X-Casedesk-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Casedesk-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
