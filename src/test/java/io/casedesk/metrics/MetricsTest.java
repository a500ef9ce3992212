package io.casedesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The metrics of API.md over cases with known timestamps (March 2019, far from every other test's cases). */
@EndToEndContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private static final Instant FROM = Instant.parse("2019-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2019-04-01T00:00:00Z");

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    /**
     * M1 answered in 60 s, resolved in 1 h, CSAT 5, first contact;  M2 answered in 600 s, resolved in 3 h after an
     * escalation, CSAT 2;  M3 answered in 120 s, still open (P1);  M4 never answered, open (P3).
     * Response targets: M1 met, M2 breached, M3 met; resolution: M1 met, M2 breached.
     */
    @BeforeAll
    void cases() {
        if (jdbc.sql("SELECT COUNT(*) FROM support_case WHERE reference LIKE 'MET-%'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        long m1 = insert(
                "MET-1", "closed", "P2", "2019-03-04T10:00:00Z", "2019-03-04T10:01:00Z", "2019-03-04T11:00:00Z", 5, 0);
        long m2 = insert(
                "MET-2", "closed", "P2", "2019-03-05T10:00:00Z", "2019-03-05T10:10:00Z", "2019-03-05T13:00:00Z", 2, 1);
        long m3 = insert("MET-3", "in_progress", "P1", "2019-03-06T10:00:00Z", "2019-03-06T10:02:00Z", null, null, 0);
        insert("MET-4", "open", "P3", "2019-03-07T10:00:00Z", null, null, null, 0);
        record(m1, "RESPONSE", "MET");
        record(m1, "RESOLUTION", "MET");
        record(m2, "RESPONSE", "BREACHED");
        record(m2, "RESOLUTION", "BREACHED");
        record(m3, "RESPONSE", "MET");
        record(m3, "RESOLUTION", "RUNNING");
    }

    @Test
    void figuresOfThePeriod() {
        Metrics m = metrics.metrics(FROM, TO);
        assertThat(m.cases()).isEqualTo(4);
        assertThat(m.frt()).isEqualTo(new Metrics.Timing(260L, 600L, 3));
        assertThat(m.resolutionTime()).isEqualTo(new Metrics.Timing(7200L, 10800L, 2));
        assertThat(m.mttrSeconds()).isEqualTo(7200L);
        assertThat(m.csat()).isEqualTo(new Metrics.Csat(3.5, 2));
        assertThat(m.fcr()).isEqualTo(0.5);
        assertThat(m.slaCompliance()).isEqualTo(new Metrics.SlaCompliance(0.6667, 0.5));
        assertThat(m.backlog()).containsKeys("P1", "P2", "P3");
        assertThat(m.backlog().get("P1")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEmptyPeriod_hasNoFigures() {
        Metrics m = metrics.metrics(Instant.parse("2018-01-01T00:00:00Z"), Instant.parse("2018-02-01T00:00:00Z"));
        assertThat(m.cases()).isZero();
        assertThat(m.frt().avgSeconds()).isNull();
        assertThat(m.fcr()).isNull();
        assertThat(m.slaCompliance().response()).isNull();
    }

    @Test
    void theEndpoint_answersManagersWithTheFieldsOfApiMd_andRefusesOthers() throws Exception {
        var answer = get("maria", "/api/metrics?from=2019-03-01&to=2019-03-31");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("\"frt\":{\"avgSeconds\":260,\"p90Seconds\":600")
                .contains("\"resolutionTime\":{\"avgSeconds\":7200,\"p90Seconds\":10800")
                .contains("\"csat\":{\"average\":3.5,\"responses\":2}")
                .contains("\"fcr\":0.5")
                .contains("\"mttrSeconds\":7200")
                .contains("\"slaCompliance\":{\"response\":0.6667,\"resolution\":0.5}")
                .contains("\"backlog\":{\"P1\":");
        assertThat(get("ivy", "/api/metrics").statusCode()).isEqualTo(403);
        assertThat(get("alice", "/api/metrics").statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/metrics").statusCode()).isEqualTo(401);
        var bad = get("maria", "/api/metrics?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(get("maria", "/api/metrics?from=2019-04-01&to=2019-03-01").statusCode())
                .isEqualTo(400);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long insert(
            String reference,
            String status,
            String priority,
            String created,
            String firstResponse,
            String resolved,
            Integer csat,
            int escalationLevel) {
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_tier, subject, description,
                    severity_given, sentiment, priority, escalation_level, csat, created_at, first_response_at, resolved_at)
                VALUES (:ref, :status, 'email', :email, 'standard', 'Metrics case', 'Known timestamps', FALSE, 0.0,
                    :priority, :level, :csat, :created, :first, :resolved)""")
                .param("ref", reference)
                .param("status", status)
                .param("email", reference.toLowerCase() + "@metrics.test")
                .param("priority", priority)
                .param("level", escalationLevel)
                .param("csat", csat)
                .param("created", ts(created))
                .param("first", ts(firstResponse))
                .param("resolved", ts(resolved))
                .update();
        return jdbc.sql("SELECT id FROM support_case WHERE reference = :ref")
                .param("ref", reference)
                .query(Long.class)
                .single();
    }

    private void record(long caseId, String target, String outcome) {
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome)
                VALUES (:id, :target, 3600, '24x7', :at, :at, :outcome)""")
                .param("id", caseId)
                .param("target", target)
                .param("at", ts("2019-03-04T10:00:00Z"))
                .param("outcome", outcome)
                .update();
    }

    private static Timestamp ts(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
