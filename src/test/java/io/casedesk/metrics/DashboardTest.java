package io.casedesk.metrics;

import static io.casedesk.TestPages.csrf;
import static io.casedesk.TestPages.enc;
import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The dashboard over HTTP (who may open it, what it sends) and the meters in the running application (their
 * Prometheus form: CaseMetersTest).
 */
@EndToEndContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IntakeService intake;

    @Autowired
    MeterRegistry registry;

    @BeforeAll
    void data() {
        DashboardData.insertOnce(jdbc);
    }

    @Test
    void managersAndAdminsSeeTheDashboard_agentsAre403_strangersAreSentToTheLogin() throws Exception {
        HttpResponse<String> anonymous = send(HttpClient.newHttpClient(), get("/dashboard"));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login"));

        for (String user : new String[] {"maria", "demo"}) {
            HttpClient session = signedIn(user);
            HttpResponse<String> page = send(session, get("/dashboard"));
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue(io.casedesk.system.ErrorPages.CSP);
            assertThat(page.body())
                    .contains("<script type=\"application/json\" id=\"dashboard-data\">")
                    .contains("/webjars/chart.js/dist/chart.umd.js")
                    .doesNotContain("<script>")
                    .doesNotContain("style=");
            assertThat(send(session, get("/webjars/chart.js/dist/chart.umd.js")).statusCode())
                    .as("Chart.js, served by the app itself")
                    .isEqualTo(200);
        }
        for (String user : new String[] {"alice", "ivy", "otto"}) {
            assertThat(send(signedIn(user), get("/dashboard")).statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
        // paul: a wrong password locks the user for a few seconds (Camunda's throttling)
        HttpResponse<String> wrong =
                login(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), "paul", "wrong");
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login?error"));
        assertThat(send(signedIn("maria"), get("/dashboard?channel=fax")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theOpenTrendIncidentsAreListed_notTheOnesThatAreOver() throws Exception {
        long open = incident("dashboard-open", "detected");
        long dismissed = incident("dashboard-dismissed", "dismissed");
        try {
            String page = send(signedIn("maria"), get("/dashboard")).body();
            assertThat(page).contains("tag dashboard-open since").doesNotContain("dashboard-dismissed");
        } finally {
            jdbc.sql("DELETE FROM trend_incident WHERE id IN (:ids)")
                    .param("ids", List.of(open, dismissed))
                    .update();
        }
    }

    private long incident(String key, String status) {
        var now = Timestamp.from(Instant.now());
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO trend_incident (kind, trend_key, status, held_key, detected_at, window_start, window_end,
                                            case_count, baseline, last_spike_at)
                VALUES ('tag', :key, :status, :held, :now, :now, :now, 5, 0.5, :now)""")
                .param("key", key)
                .param("status", status)
                .param("held", "tag:" + key)
                .param("now", now)
                .update(id, "id");
        return id.getKey().longValue();
    }

    @Test
    void theMeters_countWhatTheApplicationReports_onceItsTransactionCommits() {
        double before = opened("chat");
        TestCases.open(intake, "chat", "meters@metrics.test", "standard", "Meters", "Counted once", null);
        assertThat(opened("chat"))
                .as("casedesk_cases_opened_total{channel=chat}")
                .isEqualTo(before + 1);
        assertThat(registry.get("casedesk.backlog")
                        .tag("priority", "P1")
                        .gauge()
                        .value())
                .as("DSH-OPEN-1 and every other open P1")
                .isGreaterThanOrEqualTo(1);
        assertThat(registry.get("casedesk.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private double opened(String channel) {
        return registry.find("casedesk.cases.opened").tag("channel", channel).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private HttpClient signedIn(String user) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> answer = login(client, user, user);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
        return client;
    }

    private HttpResponse<String> login(HttpClient client, String user, String password) throws Exception {
        String page = send(client, get("/dashboard/login")).body();
        var form = "_csrf=" + enc(csrf(page)) + "&username=" + enc(user) + "&password=" + enc(password);
        return send(
                client,
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dashboard/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
