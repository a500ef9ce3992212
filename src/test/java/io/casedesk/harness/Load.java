package io.casedesk.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients: integrations that open cases with an Idempotency-Key per logical request and send the same key and body
 * again after any failure until they get an answer, an agent (alice) who resolves Task_Troubleshoot through
 * /engine-rest, and customers writing to their cases. Every acknowledged request is logged; that log is what the
 * invariants are checked against. With several nodes each attempt goes to the next one.
 */
final class Load {

    record Ack(String key, String reference, Instant at, int attempts, URI node) {}

    record Completion(String taskId, Instant at) {}

    record MessageAck(String reference, String token, Instant at) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SUBJECTS = {
        "Order #%d has not arrived", "Charged twice for order #%d", "Cannot log in to my account (#%d)"
    };
    private static final String[] CHANNELS = {"email", "web", "phone"};

    private final List<URI> nodes;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Instant giveUpAt = Instant.MAX;

    final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
    final Queue<MessageAck> messages = new ConcurrentLinkedQueue<>();
    /** Requests the client gave up on (never acknowledged): their keys may or may not have a case, never two. */
    final Queue<String> abandoned = new ConcurrentLinkedQueue<>();
    /** Answers that break the contract (a 422 for the same key and body, a 4xx that is not a retryable one). */
    final Queue<String> violations = new ConcurrentLinkedQueue<>();

    final AtomicLong attempts = new AtomicLong();
    final AtomicLong connectionFailures = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    private final AtomicInteger customers = new AtomicInteger();

    Load(List<URI> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    void startIntake(int clients, Duration pause) {
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.add(SmtpRelay.daemon("intake-" + i, () -> intake(client, pause)));
        }
    }

    void startAgentActions() {
        threads.add(SmtpRelay.daemon("agent-alice", this::agent));
        threads.add(SmtpRelay.daemon("customer-messages", this::customerMessages));
    }

    /** No new logical requests; those under way are retried until acknowledged or until {@code patience} is over. */
    void stop(Duration patience) throws InterruptedException {
        giveUpAt = Instant.now().plus(patience);
        running = false;
        for (Thread t : threads) {
            t.join(patience.toMillis() + 5_000);
        }
    }

    private void intake(int client, Duration pause) {
        int next = client;
        while (running) {
            int n = customers.incrementAndGet();
            String key = UUID.randomUUID().toString();
            String body =
                    """
                    {"channel":"%s","customer":{"email":"customer-%d@example.com","name":"Customer %d"},
                     "subject":"%s","description":"Harness request %d: please help, it still does not work."}""".formatted(CHANNELS[n % CHANNELS.length], n, n, SUBJECTS[n % SUBJECTS.length].formatted(n), n);
            int tries = 0;
            while (true) {
                if (Instant.now().isAfter(giveUpAt)) {
                    abandoned.add(key);
                    break;
                }
                tries++;
                URI node = nodes.get(next++ % nodes.size());
                try {
                    var response = send(
                            "ivy",
                            HttpRequest.newBuilder(node.resolve("/api/cases"))
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                    if (response.statusCode() == 201) {
                        acks.add(new Ack(
                                key,
                                JSON.readTree(response.body()).get("reference").asText(),
                                Instant.now(),
                                tries,
                                node));
                        break;
                    }
                    if (response.statusCode() >= 500 || response.statusCode() == 429) {
                        serverErrors.incrementAndGet();
                    } else {
                        violations.add("POST /api/cases key " + key + " answered " + response.statusCode() + ": "
                                + response.body());
                        break;
                    }
                } catch (IOException e) {
                    connectionFailures.incrementAndGet();
                }
                sleep(Duration.ofMillis(250));
            }
            sleep(pause);
        }
    }

    private void agent() {
        int next = 0;
        while (running) {
            URI node = nodes.get(next++ % nodes.size());
            try {
                var tasks = send(
                        "alice",
                        HttpRequest.newBuilder(node.resolve(
                                        "/engine-rest/task?taskDefinitionKey=Task_Troubleshoot&maxResults=20"))
                                .GET());
                JsonNode list = tasks.statusCode() == 200 ? JSON.readTree(tasks.body()) : null;
                if (list != null && list.size() > 0) {
                    String id = list.get(ThreadLocalRandom.current().nextInt(list.size()))
                            .get("id")
                            .asText();
                    var done = send(
                            "alice",
                            HttpRequest.newBuilder(node.resolve("/engine-rest/task/" + id + "/complete"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(RESOLVED)));
                    if (done.statusCode() == 204) {
                        completions.add(new Completion(id, Instant.now()));
                    }
                }
            } catch (IOException e) {
                connectionFailures.incrementAndGet();
            }
            sleep(Duration.ofMillis(400));
        }
    }

    private static final String RESOLVED = """
            {"variables":{"outcome":{"value":"resolved","type":"String"},
             "reply":{"value":"We sent a replacement; it arrives tomorrow.","type":"String"},
             "resolution":{"value":"Replacement sent","type":"String"},
             "tags":{"value":"delivery-delay","type":"String"},
             "knowledgeGap":{"value":false,"type":"Boolean"}}}""";

    /** Not idempotent (the API takes no key for messages), so a failed message is not sent again. */
    private void customerMessages() {
        int next = 0;
        while (running) {
            List<Ack> known = List.copyOf(acks);
            if (!known.isEmpty()) {
                Ack target = known.get(ThreadLocalRandom.current().nextInt(known.size()));
                String token = "msg-" + UUID.randomUUID();
                URI node = nodes.get(next++ % nodes.size());
                try {
                    var answer = send(
                            "ivy",
                            HttpRequest.newBuilder(node.resolve("/api/cases/" + target.reference() + "/messages"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"from\":\"customer\",\"body\":\"Any news? " + token + "\"}")));
                    if (answer.statusCode() == 202) {
                        messages.add(new MessageAck(target.reference(), token, Instant.now()));
                    }
                } catch (IOException e) {
                    connectionFailures.incrementAndGet();
                }
            }
            sleep(Duration.ofMillis(500));
        }
    }

    HttpResponse<String> send(String user, HttpRequest.Builder request) throws IOException {
        attempts.incrementAndGet();
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(20))
                            .header("Authorization", basic(user))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
