package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The landing page over HTTP, without a login: where each person goes, under our pages' strict CSP, and in dev the
 * sinks that exist (here the webhook sink; /dev/mail only without a mail host) and the demo users.
 */
@EndToEndContext
class LandingPageTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void saysWhereEachPersonGoes_toAnyoneWithoutLogin_underTheStrictCsp() throws Exception {
        var page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(ErrorPages.CSP);
        String html = page.body();
        assertThat(html)
                .contains("<html lang=\"en\"")
                .contains("name=\"viewport\"")
                .contains("Support agents")
                .contains("href=\"/camunda/app/tasklist/\"")
                .contains("Managers")
                .contains("href=\"/dashboard\"")
                .contains("href=\"/camunda/app/cockpit/\"")
                .contains("Process owners")
                .contains("href=\"/camunda/app/cockpit/default/#/processes\"")
                .contains("href=\"/camunda/app/cockpit/default/#/decisions\"")
                .contains("http://localhost:" + port + "/engine-rest")
                .contains("Ops and knowledge team")
                .doesNotContain("<script")
                .doesNotContain("style=")
                .doesNotContainPattern("CASE-\\d{6}");
        assertThat(get("/landing.css").statusCode()).isEqualTo(200);
    }

    @Test
    void inDev_pointsToTheSinksThatExist_andTheDemoUsers() throws Exception {
        String html = get("/").body();
        assertThat(html)
                .contains("href=\"/dev/webhooks\"")
                .as("no /dev/mail while spring.mail.host is set (the tests' mail server)")
                .doesNotContain("href=\"/dev/mail\"");
        assertThat(html).contains("password = user id").contains(">alice<").contains(">paul<");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
