package io.casedesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.cases.CaseReporting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The metric definitions of the README against figures computed by hand, on a fixed set of eight cases opened in
 * March 2019 (far from every other test's cases, in groups and agents of their own) that include an escalated, a
 * reopened, a paused, a merged and an unsurveyed case. Run on H2 ({@link MetricsTest}) and on MySQL/MariaDB
 * ({@link MetricsMySqlTest}): the database computes every figure, so both must give the same numbers.
 *
 * <pre>
 * case  status               channel prio group      agent      replies esc reopen csat ack  frt  resolved  SLA resp / resol
 * M1    closed               chat    P2   met-tier1  met-alice  1       0   0      5    10   60   3600      met / met
 * M2    closed               email   P2   met-tier2  met-bob    2       1   0      2    20   600  10800     breached / breached
 * M3    in_progress          chat    P1   met-tier1  met-alice  1       0   0      -    5    120  -         met / running, due in 30 min
 * M4    open                 email   P3   met-tier1  -          0       0   0      -    30   -    -         running, due in 2 h / -
 * M5    closed (reopened)    phone   P1   met-tier2  met-bob    2       0   1      -    15   300  7200      met / breached
 * M6    waiting_on_customer  email   P2   met-tier1  met-alice  1       0   0      -    40   900  -         met / paused, due in 20 min
 * M7    merged               email   P3   met-tier1  met-alice  1       0   0      -    5    50   -         met / -  (counts nowhere)
 * M8    closed               chat    P1   met-tier1  met-carol  1       0   0      4    5    30   1800      met / met
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetricsScenario {

    static final Instant FROM = Instant.parse("2019-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2019-04-01T00:00:00Z");

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    void cases() {
        if (jdbc.sql("SELECT COUNT(*) FROM support_case WHERE reference LIKE 'MET-%'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        Instant now = Instant.now();
        long m1 = insert("MET-1", "closed", "chat", "P2", "met-tier1", "met-alice", 1, 0, 0, 5, 1, 10, 60, 3600);
        long m2 = insert("MET-2", "closed", "email", "P2", "met-tier2", "met-bob", 2, 1, 0, 2, 2, 20, 600, 10800);
        long m3 =
                insert("MET-3", "in_progress", "chat", "P1", "met-tier1", "met-alice", 1, 0, 0, null, 3, 5, 120, null);
        long m4 = insert("MET-4", "open", "email", "P3", "met-tier1", null, 0, 0, 0, null, 4, 30, null, null);
        long m5 = insert("MET-5", "closed", "phone", "P1", "met-tier2", "met-bob", 2, 0, 1, null, 5, 15, 300, 7200);
        long m6 = insert(
                "MET-6",
                "waiting_on_customer",
                "email",
                "P2",
                "met-tier1",
                "met-alice",
                1,
                0,
                0,
                null,
                6,
                40,
                900,
                null);
        long m7 = insert("MET-7", "merged", "email", "P3", "met-tier1", "met-alice", 1, 0, 0, null, 7, 5, 50, null);
        long m8 = insert("MET-8", "closed", "chat", "P1", "met-tier1", "met-carol", 1, 0, 0, 4, 8, 5, 30, 1800);
        record(m1, "RESPONSE", "MET", now, false);
        record(m1, "RESOLUTION", "MET", now, false);
        record(m2, "RESPONSE", "BREACHED", now, false);
        record(m2, "RESOLUTION", "BREACHED", now, false);
        record(m3, "RESPONSE", "MET", now, false);
        record(m3, "RESOLUTION", "RUNNING", now.plusSeconds(1800), false);
        record(m4, "RESPONSE", "RUNNING", now.plusSeconds(7200), false);
        record(m5, "RESPONSE", "MET", now, false);
        record(m5, "RESOLUTION", "BREACHED", now, false);
        record(m6, "RESPONSE", "MET", now, false);
        record(m6, "RESOLUTION", "RUNNING", now.plusSeconds(1200), true);
        record(m7, "RESPONSE", "MET", now, false);
        record(m8, "RESPONSE", "MET", now, false);
        record(m8, "RESOLUTION", "MET", now, false);
    }

    @Test
    void theFiguresOfThePeriod_areThoseComputedByHand() {
        Metrics.Figures all = metrics.metrics(filter(null, null, null)).figures();
        assertThat(all.cases()).as("M7 is merged: it counts nowhere").isEqualTo(7);
        // FRT 30, 60, 120, 300, 600, 900: average 335; nearest rank p50 = 3rd, p90 = 6th
        assertThat(all.frt()).isEqualTo(new Metrics.Timing(335L, 120L, 900L, 6));
        // acknowledgements 5, 5, 10, 15, 20, 30, 40: average 17.86; p50 = 4th, p90 = 7th
        assertThat(all.timeToAcknowledge()).isEqualTo(new Metrics.Timing(18L, 15L, 40L, 7));
        // resolved or closed: 1800, 3600, 7200 (M5 after its reopen), 10800
        assertThat(all.resolutionTime()).isEqualTo(new Metrics.Timing(5850L, 3600L, 10800L, 4));
        assertThat(all.mttrSeconds()).as("P1 restored: M5 7200, M8 1800").isEqualTo(4500L);
        // scores 5, 2, 4 of the four closed cases (M5 unsurveyed)
        assertThat(all.csat())
                .isEqualTo(new Metrics.Csat(3.6667, 3, 0.75, Map.of("1", 0L, "2", 1L, "3", 0L, "4", 1L, "5", 1L)));
        assertThat(all.fcr())
                .as("M1 and M8 of the resolved M1, M2 (escalated), M5 (reopened), M8")
                .isEqualTo(0.5);
        assertThat(all.slaCompliance())
                .as("response: 5 met, M2 breached; resolution: M1, M8 met, M2, M5 breached; running ones count nowhere")
                .isEqualTo(new Metrics.SlaCompliance(0.8333, 0.5));
    }

    @Test
    void backlogAndBreachingSoon_areOpenCasesWheneverOpened_pausedAndMergedOnesAside() {
        Metrics m = metrics.metrics(filter("met-tier1", null, null));
        assertThat(m.figures().backlog())
                .as("M3 (P1), M6 (P2, paused: still open work), M4 (P3); M7 merged")
                .isEqualTo(Map.of("P1", 1L, "P2", 1L, "P3", 1L));
        assertThat(m.backlogByGroup()).containsOnlyKeys("met-tier1");
        assertThat(m.figures().breachingSoon())
                .as("M3's resolution is due in 30 min; M6's is paused, M4's response due in 2 h")
                .isEqualTo(1);
        assertThat(metrics.breachingSoon(filter("met-tier1", null, null), 10))
                .singleElement()
                .satisfies(due -> {
                    assertThat(due.reference()).isEqualTo("MET-3");
                    assertThat(due.processInstanceId()).isEqualTo("pi-MET-3");
                });
        assertThat(metrics.metrics(filter("met-tier2", null, null)).figures().backlog())
                .isEqualTo(Map.of("P1", 0L, "P2", 0L, "P3", 0L));
    }

    @Test
    void theBreakdowns_giveTheSameFiguresPerGroupChannelAndAgent() {
        Metrics m = metrics.metrics(filter(null, null, null));
        assertThat(m.byGroup()).containsKeys("met-tier1", "met-tier2");
        Metrics.Figures tier1 = m.byGroup().get("met-tier1");
        assertThat(tier1.cases()).isEqualTo(5);
        assertThat(tier1.frt()).isEqualTo(new Metrics.Timing(278L, 60L, 900L, 4));
        assertThat(m.byGroup().get("met-tier2").frt()).isEqualTo(new Metrics.Timing(450L, 300L, 600L, 2));
        assertThat(m.byGroup().get("met-tier2").slaCompliance()).isEqualTo(new Metrics.SlaCompliance(0.5, 0.0));

        // open cases of other tests are in the backlog, so other keys may be there too
        assertThat(m.byChannel()).containsKeys("chat", "email", "phone");
        assertThat(m.byChannel().get("chat").resolutionTime()).isEqualTo(new Metrics.Timing(2700L, 1800L, 3600L, 2));
        assertThat(m.byChannel().get("email").cases()).isEqualTo(3);

        assertThat(m.byAgent()).containsKeys("met-alice", "met-bob", "met-carol", "unknown");
        assertThat(m.byAgent().get("met-alice").cases()).isEqualTo(3);
        assertThat(m.byAgent().get("met-bob").fcr()).isEqualTo(0.0);
        assertThat(m.byAgent().get("met-carol").fcr()).isEqualTo(1.0);
        assertThat(m.byAgent().get("unknown").frt().count()).isZero();
    }

    @Test
    void theFilters_narrowEveryFigure() {
        Metrics aliceMetrics = metrics.metrics(filter(null, null, "met-alice"));
        Metrics.Figures alice = aliceMetrics.figures();
        assertThat(alice.cases()).isEqualTo(3);
        assertThat(alice.frt()).isEqualTo(new Metrics.Timing(360L, 120L, 900L, 3));
        assertThat(aliceMetrics.byAgent())
                .as("the agent the filter names is the breakdown's one key, with the filter's figures")
                .containsOnlyKeys("met-alice");
        assertThat(aliceMetrics.byAgent().get("met-alice").frt()).isEqualTo(alice.frt());
        assertThat(aliceMetrics.byAgent().get("met-alice").timeToAcknowledge()).isEqualTo(alice.timeToAcknowledge());
        assertThat(aliceMetrics.byChannel().get("chat").frt())
                .as("M1 60 and M3 120: nearest rank p50 = 1st, p90 = 2nd")
                .isEqualTo(new Metrics.Timing(90L, 60L, 120L, 2));
        Metrics.Figures chat = metrics.metrics(filter(null, "chat", null)).figures();
        assertThat(chat.cases()).isEqualTo(3);
        assertThat(chat.resolutionTime().avgSeconds()).isEqualTo(2700L);
        assertThat(chat.mttrSeconds()).isEqualTo(1800L);
        assertThat(metrics.metrics(filter("met-tier2", "phone", "met-bob"))
                        .figures()
                        .cases())
                .isEqualTo(1);
    }

    @Test
    void anEmptyPeriod_hasNoFigures() {
        Metrics.Figures m = metrics.metrics(new CaseReporting.Filter(
                        Instant.parse("2018-01-01T00:00:00Z"),
                        Instant.parse("2018-02-01T00:00:00Z"),
                        "met-tier1",
                        null,
                        null))
                .figures();
        assertThat(m.cases()).isZero();
        assertThat(m.frt().avgSeconds()).isNull();
        assertThat(m.fcr()).isNull();
        assertThat(m.csat().responseRate()).isNull();
        assertThat(m.slaCompliance().response()).isNull();
    }

    @Test
    void theEndpoint_answersManagersWithTheFieldsOfApiMd_andRefusesOthers() throws Exception {
        var answer = get("maria", "/api/metrics?from=2019-03-01&to=2019-03-31");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("\"frt\":{\"avgSeconds\":335,\"p50Seconds\":120,\"p90Seconds\":900")
                .contains("\"resolutionTime\":{\"avgSeconds\":5850,\"p50Seconds\":3600,\"p90Seconds\":10800")
                .contains("\"csat\":{\"average\":3.6667,\"responses\":3,\"responseRate\":0.75,")
                .contains("\"fcr\":0.5")
                .contains("\"mttrSeconds\":4500")
                .contains("\"slaCompliance\":{\"response\":0.8333,\"resolution\":0.5}")
                .contains("\"backlog\":{\"P1\":")
                .contains("\"byGroup\":{", "\"byChannel\":{", "\"byAgent\":{", "\"met-tier1\":{\"cases\":5,");
        var filtered = get("maria", "/api/metrics?from=2019-03-01&to=2019-03-31&group=met-tier2&channel=phone");
        assertThat(filtered.body())
                .contains("\"filter\":{\"group\":\"met-tier2\",\"channel\":\"phone\",\"agent\":null}")
                .contains("\"cases\":1,");
        assertThat(get("ivy", "/api/metrics").statusCode()).isEqualTo(403);
        assertThat(get("alice", "/api/metrics").statusCode()).isEqualTo(403);
        assertThat(get(null, "/api/metrics").statusCode()).isEqualTo(401);
        for (String bad : new String[] {
            "from=yesterday", "from=2019-04-01&to=2019-03-01", "channel=fax", "agent=" + "x".repeat(129)
        }) {
            var refused = get("maria", "/api/metrics?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    static CaseReporting.Filter filter(String group, String channel, String agent) {
        return new CaseReporting.Filter(FROM, TO, group, channel, agent);
    }

    HttpResponse<String> get(String user, String path) throws Exception {
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

    /** A case opened on 2019-03-{day} 10:00 UTC; the other times are seconds after that (null: never). */
    private long insert(
            String reference,
            String status,
            String channel,
            String priority,
            String group,
            String agent,
            int replies,
            int escalationLevel,
            int reopens,
            Integer csat,
            int day,
            Integer acknowledged,
            Integer firstResponse,
            Integer resolved) {
        Instant created = Instant.parse("2019-03-%02dT10:00:00Z".formatted(day));
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_tier, subject, description,
                    severity_given, sentiment, priority, assigned_group, agent, agent_replies, escalation_level,
                    reopen_count, csat, process_instance_id, created_at, acknowledged_at, first_response_at,
                    resolved_at, closed_at)
                VALUES (:ref, :status, :channel, :email, 'standard', 'Metrics case', 'Known timestamps', FALSE, 0.0,
                    :priority, :group, :agent, :replies, :level, :reopens, :csat, :pi, :created, :ack, :first,
                    :resolved, :closed)""")
                .param("ref", reference)
                .param("status", status)
                .param("channel", channel)
                .param("email", reference.toLowerCase() + "@metrics.test")
                .param("priority", priority)
                .param("group", group)
                .param("agent", agent)
                .param("replies", replies)
                .param("level", escalationLevel)
                .param("reopens", reopens)
                .param("csat", csat)
                .param("pi", "pi-" + reference)
                .param("created", Timestamp.from(created))
                .param("ack", after(created, acknowledged))
                .param("first", after(created, firstResponse))
                .param("resolved", after(created, resolved))
                .param("closed", "closed".equals(status) ? after(created, resolved + 60) : null)
                .update();
        return jdbc.sql("SELECT id FROM support_case WHERE reference = :ref")
                .param("ref", reference)
                .query(Long.class)
                .single();
    }

    private void record(long caseId, String target, String outcome, Instant due, boolean paused) {
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome,
                    paused_since)
                VALUES (:id, :target, 3600, '24x7', :started, :due, :outcome, :paused)""")
                .param("id", caseId)
                .param("target", target)
                .param("started", Timestamp.from(FROM))
                .param("due", Timestamp.from(due))
                .param("outcome", outcome)
                .param("paused", paused ? Timestamp.from(due.minusSeconds(3600)) : null)
                .update();
    }

    private static Timestamp after(Instant created, Integer seconds) {
        return seconds == null ? null : Timestamp.from(created.plusSeconds(seconds));
    }
}
