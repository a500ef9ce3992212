package io.casedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: how many cases a second does {@code POST /api/cases} open, next to the bare engine starting
 * a start → user task process through {@code /engine-rest} in the same JVM, on the same database, in the same run?
 * Run with
 * <pre>./mvnw -Pbench test -Dtest=IntakeBenchmark</pre>
 * For H2 (files of its own) and then MariaDB (a fresh database {@code casedesk_perf_bench}, dropped afterwards;
 * skipped with the reason printed when no server answers) it starts the whole application (job executor on, mail to
 * a real SMTP server), first measures what one case costs (SQL statements, decisions, history rows, jobs), then
 * warms up and measures raw and intake alternately with 8 connections, and last intake alone at half its peak rate
 * with a fixed arrival rate. Parameters: {@code -Dbenchmark.databases=h2,mariadb}, {@code .seconds=20} per
 * measurement, {@code .warmupSeconds=10}, {@code .rounds=2}, {@code .connections=8}, {@code .costCases=40}.
 */
@Tag("benchmark")
class IntakeBenchmark {

    private static final List<String> DATABASES =
            List.of(System.getProperty("benchmark.databases", "h2,mariadb").split(","));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("benchmark.warmupSeconds", 10));
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
    private static final int CONNECTIONS = Integer.getInteger("benchmark.connections", 8);
    private static final int COST_CASES = Integer.getInteger("benchmark.costCases", 40);

    private static final String RAW_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Raw"
                targetNamespace="http://casedesk.io/bench">
              <bpmn:process id="raw" name="Raw" isExecutable="true" camunda:historyTimeToLive="1"
                  camunda:versionTag="bench">
                <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:userTask id="Task_Work" name="Work" camunda:candidateGroups="tier1">
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Work" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private final List<String> summary = new ArrayList<>();

    @Test
    void intakeVersusBareEngine() throws Exception {
        System.out.printf(
                "%n==== Intake benchmark %s: %d cores, %d connections, %d s per measurement, %d rounds ====%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), CONNECTIONS, MEASURE.toSeconds(), ROUNDS);
        for (String name : DATABASES) {
            Optional<BenchApplication.Database> database = switch (name.trim()) {
                case "h2" -> Optional.of(BenchApplication.Database.h2("intake-benchmark"));
                case "mariadb" -> BenchApplication.Database.mariaDb("casedesk_perf_bench");
                default -> throw new IllegalArgumentException("unknown database " + name);
            };
            if (database.isPresent()) {
                run(database.get());
            }
        }
        System.out.printf("%n==== Intake benchmark summary ====%n");
        summary.forEach(System.out::print);
    }

    private void run(BenchApplication.Database database) throws Exception {
        var statements = new StatementCounter();
        try (var app = BenchApplication.start(database, Map.of(), statements.initializer());
                var driver = new LoadDriver()) {
            deployRaw(app);
            var customers = new Customers(app);

            String cost = cost(app, statements, customers);
            System.out.print(cost);

            driver.closedLoop("warm-up raw", CONNECTIONS, WARMUP, customers::raw, 200);
            driver.closedLoop("warm-up intake", CONNECTIONS, WARMUP, customers::intake, 201);
            settle(app);
            List<LoadDriver.Result> raw = new ArrayList<>();
            List<LoadDriver.Result> intake = new ArrayList<>();
            List<LoadDriver.Result> rows = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                var r = driver.closedLoop("raw #" + round, CONNECTIONS, MEASURE, customers::raw, 200);
                settle(app);
                var i = driver.closedLoop("intake #" + round, CONNECTIONS, MEASURE, customers::intake, 201);
                settle(app);
                raw.add(r);
                intake.add(i);
                rows.add(r);
                rows.add(i);
            }
            var rawAll = LoadDriver.Result.combine("raw", raw);
            var intakeAll = LoadDriver.Result.combine("intake", intake);
            rows.add(rawAll);
            rows.add(intakeAll);
            String title = database.label() + ": POST /engine-rest/process-definition/key/raw/start (raw) vs "
                    + "POST /api/cases (intake), " + CONNECTIONS + " connections, closed loop";
            LoadDriver.printTable(title, rows, "raw");

            double half = intakeAll.perSecond() / 2;
            var open = driver.openLoop(
                    String.format(Locale.ROOT, "intake @ %.1f/s", half), half, 64, MEASURE, customers::intake, 201);
            LoadDriver.printTable(
                    database.label() + ": intake at half its peak rate, open loop (fixed arrival rate)",
                    List.of(open),
                    null);
            summary.add(String.format(
                    Locale.ROOT,
                    "%-8s raw %7.1f/s  intake %7.1f/s  intake/raw %.2f  intake p99 %.0f ms | at %.1f/s: p50 %.0f ms p99 %.0f"
                            + " ms (errors: raw %d, intake %d, open %d)%n",
                    database.label(),
                    rawAll.perSecond(),
                    intakeAll.perSecond(),
                    intakeAll.perSecond() / rawAll.perSecond(),
                    intakeAll.percentileMillis(99),
                    half,
                    open.percentileMillis(50),
                    open.percentileMillis(99),
                    rawAll.errors(),
                    intakeAll.errors(),
                    open.errors()));
            assertThat(intakeAll.requests()).as("cases opened").isPositive();
        }
    }

    /**
     * What one case costs, measured on cases opened one after the other until their jobs (the acknowledgement's
     * delivery) are done: SQL statements by the engine and by casedesk, and the rows each table gained.
     */
    private String cost(BenchApplication app, StatementCounter statements, Customers customers) throws Exception {
        var http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            send(http, customers.intake(-1 - i), 201);
        }
        settle(app);
        Map<String, Long> before = rowCounts(app);
        statements.start();
        for (int i = 0; i < COST_CASES; i++) {
            send(http, customers.intake(1_000_000 + i), 201);
        }
        settle(app);
        statements.stop();
        Map<String, Long> after = rowCounts(app);
        var out = new StringBuilder();
        out.append(String.format(
                "%n%s: what one case costs (%d cases opened one by one, their jobs done)%n",
                app.database().label(), COST_CASES));
        out.append(statements.report(COST_CASES));
        out.append("  rows added per case:\n");
        long history = 0;
        for (var e : after.entrySet()) {
            long added = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (added != 0) {
                out.append(String.format(Locale.ROOT, "  %6.2f  %s%n", (double) added / COST_CASES, e.getKey()));
                if (e.getKey().startsWith("ACT_HI_")) {
                    history += added;
                }
            }
        }
        out.append(String.format(Locale.ROOT, "  history rows per case: %.1f%n", (double) history / COST_CASES));
        return out.toString();
    }

    private static Map<String, Long> rowCounts(BenchApplication app) throws SQLException {
        var counts = new TreeMap<String, Long>();
        try (Connection connection = app.bean(DataSource.class).getConnection()) {
            List<String> tables = new ArrayList<>();
            try (var rs = connection
                    .getMetaData()
                    .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"
                    })) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            String quote = connection.getMetaData().getIdentifierQuoteString();
            for (String table : tables) {
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("SELECT COUNT(*) FROM " + quote + table + quote)) {
                    rs.next();
                    counts.put(table.toUpperCase(Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Waits (at most a minute) until no job is due, so one measurement does not pay for the last one's jobs. */
    private static void settle(BenchApplication app) throws InterruptedException {
        var management = app.bean(ManagementService.class);
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (management.createJobQuery().executable().count() > 0 && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
    }

    private static void deployRaw(BenchApplication app) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nraw\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"raw.bpmn\"; filename=\"raw.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n"
                + RAW_PROCESS.strip() + "\r\n"
                + "--" + boundary + "--\r\n";
        send(
                HttpClient.newHttpClient(),
                app.request("/engine-rest/deployment/create", "demo")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                200);
    }

    private static void send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Requests as real customers send them, different each time (the n-th request of every run is the same, so
     * runs compare): five channels, a few hundred customers (so the
     * recent-case count varies), VIPs now and then, subjects and texts from angry to thankful, order ids, severities,
     * tags and idempotency keys on some.
     */
    private static final class Customers {

        private static final String[] CHANNELS = {"chat", "email", "web", "phone", "social"};
        private static final String[][] PROBLEMS = {
            {"Order #%d has not arrived", "I ordered two weeks ago and the parcel is still not here. Where is my order?"
            },
            {"Checkout spins forever", "The checkout page just spins and spins, I cannot pay. This is frustrating!"},
            {"Charged twice for order %d", "My card was charged twice for the same order. Please refund one of them."},
            {"Cannot log in", "I can't log in since yesterday, the password reset mail never arrives."},
            {"The service is down", "Your site is down, error 500 on every page. We are losing sales!!!"},
            {"Question about sizes", "Which size should I order? I usually wear M. Thanks a lot, great shop."},
            {"Damaged item in order %d", "The vase arrived broken. Very disappointed, it was a gift."},
            {"Subscription renewal failed", "My subscription renewal failed although my card is valid."},
            {"GDPR request", "Under GDPR I want to know which data you hold about me, or I will contact my lawyer."},
            {"Change my address", "Please change the delivery address of my account to the new one."},
        };
        private static final String[] SEVERITIES = {null, null, null, "low", "medium", "high", "critical"};
        private static final String[] TAGS = {null, null, "delivery-delay", "checkout-broken", "refund"};

        private final BenchApplication app;
        private final long run = System.nanoTime();

        Customers(BenchApplication app) {
            this.app = app;
        }

        HttpRequest intake(int n) {
            var random = new Random(n * 0x9E3779B97F4A7C15L);
            int customer = random.nextInt(400);
            String[] problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
            int order = 10_000 + random.nextInt(90_000);
            var body = new LinkedHashMap<String, Object>();
            body.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
            body.put(
                    "customer",
                    Map.of(
                            "email", "customer" + customer + "@example.com",
                            "name", "Customer " + customer,
                            "tier", random.nextInt(10) == 0 ? "vip" : "standard"));
            body.put("subject", String.format(problem[0], order));
            body.put("description", problem[1] + " (ref " + n + ")");
            if (random.nextBoolean()) {
                body.put("orderId", String.valueOf(order));
            }
            String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
            if (severity != null) {
                body.put("severity", severity);
            }
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (tag != null) {
                body.put("tags", List.of(tag));
            }
            var request = app.request("/api/cases", "ivy")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body)));
            if (random.nextBoolean()) {
                request.header("Idempotency-Key", "bench-" + run + "-" + n);
            }
            return request.build();
        }

        HttpRequest raw(int n) {
            var random = new Random(n * 0x9E3779B97F4A7C15L);
            int customer = random.nextInt(400);
            String[] problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
            String body = json(Map.of(
                    "businessKey",
                    "RAW-" + run + "-" + n,
                    "variables",
                    Map.of(
                            "customerEmail", Map.of("value", "customer" + customer + "@example.com", "type", "String"),
                            "channel", Map.of("value", CHANNELS[random.nextInt(CHANNELS.length)], "type", "String"),
                            "subject", Map.of("value", problem[0], "type", "String"))));
            return app.request("/engine-rest/process-definition/key/raw/start", "demo")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private static String json(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
