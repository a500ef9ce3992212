package io.casedesk.system.devmail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.system.WebhookSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the dev profile's own webhook receiver got, kept in memory as the chat and social integrations would see it:
 * the signature checked against the channel's secret, repeats of a delivery id marked. The newest
 * {@value #KEPT} are kept.
 */
class DevWebhookSink {

    static final int KEPT = 500;

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** A link of a message, as the integration would show it. */
    public record Link(String label, String url) {}

    /**
     * One POST: {@code id} numbers it in arrival order, from 1. {@code signatureValid} false: the integration would
     * have refused it. {@code repeatOf} the id of an earlier POST with the same delivery id, or 0.
     */
    public record Received(
            int id,
            Instant at,
            String channel,
            String deliveryId,
            boolean signatureValid,
            int repeatOf,
            String reference,
            String kind,
            String text,
            List<Link> links,
            String body) {

        public String received() {
            return AT.format(at);
        }
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final List<Received> received = new ArrayList<>();
    private int lastId;

    DevWebhookSink(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Records a POST and says whether its signature holds. */
    synchronized Received receive(String channel, String deliveryId, String signature, String body, String secret) {
        boolean valid = secret != null
                && !secret.isEmpty()
                && signature != null
                && WebhookSignature.matches(body, signature, secret);
        int repeatOf = deliveryId == null
                ? 0
                : received.stream()
                        .filter(r -> r.signatureValid() && deliveryId.equals(r.deliveryId()))
                        .mapToInt(Received::id)
                        .findFirst()
                        .orElse(0);
        JsonNode message = parse(body);
        var links = new ArrayList<Link>();
        // anyone may POST here in dev: only http(s) links become anchors, never javascript: or data:
        message.path("links").forEach(l -> {
            String url = l.path("url").asText("");
            if (url.matches("https?://[^\\s<>\"]+")) {
                links.add(new Link(l.path("label").asText(url), url));
            }
        });
        var entry = new Received(
                ++lastId,
                clock.instant(),
                channel,
                deliveryId,
                valid,
                repeatOf,
                message.path("reference").asText(""),
                message.path("kind").asText(""),
                message.path("text").asText(""),
                List.copyOf(links),
                body);
        received.add(entry);
        if (received.size() > KEPT) {
            received.remove(0);
        }
        return entry;
    }

    synchronized List<Received> newestFirst() {
        var list = new ArrayList<>(received);
        Collections.reverse(list);
        return list;
    }

    synchronized Optional<Received> get(int id) {
        return received.stream().filter(r -> r.id() == id).findFirst();
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }
}
