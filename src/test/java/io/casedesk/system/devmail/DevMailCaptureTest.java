package io.casedesk.system.devmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dev default as `./mvnw spring-boot:run` starts it: profile dev and no spring.mail.host, so the mails of a
 * case land in the embedded SMTP server and a person reads them, links clickable, on /dev/mail without logging in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // blank spring.mail.host: the test-wide mail server (TestMailEnvironment) is switched off for this context
        properties = {"spring.datasource.url=jdbc:h2:mem:dev-mail;DB_CLOSE_DELAY=-1", "spring.mail.host="})
@DirtiesContext // no other class uses this context: close it, and its job executor, when done
class DevMailCaptureTest {

    @LocalServerPort
    int port;

    @Autowired
    JavaMailSender sender;

    @Autowired
    DevMailbox mailbox;

    @Autowired
    IntakeService intake;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApplicationsMailGoesToTheEmbeddedServer_andIsListedNewestFirst() throws Exception {
        assertThat(sender).isInstanceOf(JavaMailSenderImpl.class);
        assertThat(((JavaMailSenderImpl) sender).getHost()).isEqualTo("127.0.0.1");
        assertThat(((JavaMailSenderImpl) sender).getPort()).isEqualTo(mailbox.port());

        String ref = TestCases.open(
                intake,
                "chat",
                "dev-" + UUID.randomUUID() + "@example.com",
                "standard",
                "Cannot log in",
                "The login page says my password is wrong.",
                null);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mailbox.newestFirst().stream().anyMatch(m -> m.subject().contains("[" + ref + "]")));
        send("someone@example.com", "Newest <script>alert(1)</script>", "Hello", null);

        var list = get("/dev/mail");
        assertThat(list.statusCode()).isEqualTo(200);
        String body = list.body();
        assertThat(body)
                .contains("Newest &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .contains("[" + ref + "]");
        assertThat(body.indexOf("Newest &lt;script")).as("newest first").isLessThan(body.indexOf("[" + ref + "]"));

        String id = firstMatch(body, "href=\"/dev/mail/(\\d+)\"[^>]*>[^<]*\\[" + Pattern.quote(ref) + "\\]");
        var mail = get("/dev/mail/" + id);
        assertThat(mail.statusCode()).isEqualTo(200);
        assertThat(mail.body()).contains("[" + ref + "]").contains("We have received");

        // a chat customer: the dev profile's webhook points at this server's own sink, which checks the signature
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/dev/webhooks").body().contains(ref + " · acknowledgement"));
        assertThat(get("/dev/webhooks").body())
                .contains("valid (HMAC-SHA256 with the channel secret)")
                .doesNotContain("INVALID");
    }

    @Test
    void aMailsLinkStaysTheSame_whenMoreMailArrives_forWhomever_andTheListIsNewestFirst() throws Exception {
        String tag = UUID.randomUUID().toString();
        send("zed-" + tag + "@example.com", "First " + tag, "one", null);
        String first = firstMatch(get("/dev/mail").body(), "href=\"/dev/mail/(\\d+)\">First " + tag);
        // GreenMail keeps a mailbox per recipient; mails to others, some sorting before this one, arrive after it
        send("aaron-" + tag + "@example.com", "Second " + tag, "two", null);
        send("zed-" + tag + "@example.com", "Third " + tag, "three", null);
        send("mia-" + tag + "@example.com", "Fourth " + tag, "four", null);

        assertThat(get("/dev/mail/" + first).body()).contains("First " + tag);
        String list = get("/dev/mail").body();
        assertThat(firstMatch(list, "href=\"/dev/mail/(\\d+)\">First " + tag)).isEqualTo(first);
        assertThat(list.indexOf("Fourth " + tag))
                .isLessThan(list.indexOf("Third " + tag))
                .isLessThan(list.indexOf("Second " + tag));
        assertThat(list.indexOf("Third " + tag)).isLessThan(list.indexOf("Second " + tag));
        assertThat(list.indexOf("Second " + tag)).isLessThan(list.indexOf("First " + tag));
    }

    @Test
    void oneMail_showsItsLinksClickable_itsTextEscaped_andItsHtmlOnlyInASandbox() throws Exception {
        String link = "http://localhost:8080/survey/" + "T".repeat(43) + "?score=5";
        send(
                "ana@example.com",
                "Links " + UUID.randomUUID(),
                "Rate us: " + link + "\n<b>not bold</b> & javascript:alert(1)",
                "<p>Rate us: <a href=\"" + link.replace("&", "&amp;") + "\">five</a></p><script>alert(2)</script>");
        var list = get("/dev/mail").body();
        String id = firstMatch(list, "href=\"/dev/mail/(\\d+)\"");

        var page = get("/dev/mail/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<a href=\"" + link + "\">" + link + "</a>")
                .contains("&lt;b&gt;not bold&lt;/b&gt; &amp; javascript:alert(1)")
                .doesNotContain("href=\"javascript")
                .doesNotContain("<script>alert(2)")
                .containsPattern("<iframe [^>]*sandbox=\"allow-popups allow-popups-to-escape-sandbox "
                        + "allow-top-navigation-by-user-activation\"");

        var html = get("/dev/mail/" + id + "/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .startsWith("sandbox ")
                        .doesNotContain("allow-scripts")
                        .doesNotContain("allow-same-origin"));

        assertThat(get("/dev/mail/99999").statusCode()).isEqualTo(404);
        assertThat(get("/dev/mail/abc").statusCode()).isEqualTo(404);
        assertThat(get("/dev/other").statusCode())
                .as("only /dev/mail and /dev/webhooks are opened")
                .isIn(401, 403);
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, html != null, "UTF-8");
        helper.setFrom("support@casedesk.local");
        helper.setTo(to);
        helper.setSubject(subject);
        if (html == null) {
            helper.setText(text);
        } else {
            helper.setText(text, html);
        }
        sender.send(message);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String firstMatch(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
