package io.casedesk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chat and social integrations of the test JVM: one JDK HTTP server on a free port, fixed for the JVM
 * ({@link TestMailEnvironment} names it {@value #PORT_PROPERTY}; {@link EndToEndContext} points the webhooks at it).
 * It checks each POST's signature as an integration must (HMAC-SHA256 of the body with the channel's secret), keeps
 * every request, and answers 200 unless a test planned otherwise for a case: an error status, or an answer later than
 * casedesk waits (the message then arrived, but casedesk does not know it).
 */
public final class TestWebhookReceiver {

    public static final String PORT_PROPERTY = "casedesk.test.webhook-port";
    public static final String CHAT_SECRET = "chat-test-secret-7f3a";
    public static final String SOCIAL_SECRET = "social-test-secret-91c2";

    /** One POST as it arrived, and what it was answered. */
    public record Request(
            String channel, String deliveryId, String signature, String body, boolean signatureValid, int answered) {

        public String reference() {
            return field("reference");
        }

        public String kind() {
            return field("kind");
        }

        private String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** What to do with the next POST for a case instead of answering 200 at once. */
    private record Plan(int status, Duration delay) {}

    private static final Map<String, String> SECRETS = Map.of("chat", CHAT_SECRET, "social", SOCIAL_SECRET);
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Map<String, Deque<Plan>> PLANS = new ConcurrentHashMap<>();
    private static final HttpServer SERVER = start();

    private TestWebhookReceiver() {}

    public static int port() {
        return SERVER.getAddress().getPort();
    }

    /** The webhook URL of a channel. */
    public static String url(String channel) {
        return "http://127.0.0.1:" + port() + "/hooks/" + channel;
    }

    /** The next POST for the case is answered with this status (after it was recorded). */
    public static void answerNext(String reference, int status) {
        PLANS.computeIfAbsent(reference, r -> new ArrayDeque<>()).add(new Plan(status, Duration.ZERO));
    }

    /** The next POST for the case is recorded at once and answered 200 only after the delay. */
    public static void answerNextAfter(String reference, Duration delay) {
        PLANS.computeIfAbsent(reference, r -> new ArrayDeque<>()).add(new Plan(200, delay));
    }

    /** Every POST that carried one of these delivery ids, in arrival order. */
    public static List<Request> requestsOf(java.util.Collection<String> deliveryIds) {
        return REQUESTS.stream()
                .filter(r -> deliveryIds.contains(r.deliveryId()))
                .toList();
    }

    /** Every POST for a case, in arrival order. */
    public static List<Request> requestsFor(String reference) {
        return REQUESTS.stream().filter(r -> reference.equals(r.reference())).toList();
    }

    /**
     * The messages of a case the integration took, as a receiver that drops repeats by X-Casedesk-Delivery counts
     * them: one per delivery id that was answered 2xx with a valid signature.
     */
    public static long deliveredMessagesFor(String reference) {
        return requestsFor(reference).stream()
                .filter(r -> r.signatureValid() && r.answered() / 100 == 2)
                .map(Request::deliveryId)
                .distinct()
                .count();
    }

    private static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hooks/", TestWebhookReceiver::handle);
            // a delayed answer must not hold up the next request
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                var thread = new Thread(r, "test-webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String channel = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst("X-Casedesk-Signature");
            String deliveryId = exchange.getRequestHeaders().getFirst("X-Casedesk-Delivery");
            boolean valid = "POST".equals(exchange.getRequestMethod())
                    && signature != null
                    && SECRETS.containsKey(channel)
                    && MessageDigest.isEqual(
                            signature.getBytes(StandardCharsets.US_ASCII),
                            sign(body, SECRETS.get(channel)).getBytes(StandardCharsets.US_ASCII));
            var request = new Request(channel, deliveryId, signature, body, valid, 0);
            Deque<Plan> plans = request.reference() == null ? null : PLANS.get(request.reference());
            Plan plan = plans == null ? null : plans.poll();
            int status = !valid ? 401 : plan == null ? 200 : plan.status();
            REQUESTS.add(new Request(channel, deliveryId, signature, body, valid, status));
            if (plan != null && !plan.delay().isZero()) {
                Thread.sleep(plan.delay().toMillis());
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** sha256= and the hex HMAC-SHA256 of the body: what X-Casedesk-Signature must carry. */
    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
