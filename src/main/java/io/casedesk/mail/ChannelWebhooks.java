package io.casedesk.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.Channel;
import io.casedesk.cases.SupportCase;
import io.casedesk.system.PublicUrl;
import io.casedesk.system.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.IContext;

/**
 * Replies on the customer's channel (API.md): every message to a chat or social customer is also POSTed to the
 * integration's webhook, signed with HMAC-SHA256. Like mail it goes through an outbox: {@link #queue} stores the
 * delivery beside its mail, in the caller's transaction, and schedules its own retried job; {@link #deliver} sends
 * it once. A resend after a lost answer carries the same X-Casedesk-Delivery id, so a receiver can drop it.
 */
@Service
public class ChannelWebhooks {

    static final String SIGNATURE_HEADER = "X-Casedesk-Signature";
    static final String DELIVERY_HEADER = "X-Casedesk-Delivery";

    private static final Logger log = LoggerFactory.getLogger(ChannelWebhooks.class);

    /** One link of a message, e.g. {@code fixed} → the "is it fixed?" page with the answer preselected. */
    record Link(String rel, String label, String url) {}

    /** The JSON of API.md: { "reference", "kind", "text", "links", "at" }. */
    record Payload(String reference, String kind, String text, List<Link> links, String at) {}

    private final CaseService cases;
    private final WebhookOutbox outbox;
    private final MailDelivery delivery;
    private final ChannelSettings settings;
    private final PublicUrl publicUrl;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Set<Channel> reportedUnconfigured = ConcurrentHashMap.newKeySet();

    ChannelWebhooks(
            CaseService cases,
            WebhookOutbox outbox,
            MailDelivery delivery,
            ChannelSettings settings,
            PublicUrl publicUrl,
            ObjectMapper json,
            Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.delivery = delivery;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.json = json;
        this.clock = clock;
        // HTTP/1.1: one small POST gains nothing from HTTP/2, and a cleartext upgrade attempt confuses some receivers
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (Channel channel : List.of(Channel.CHAT, Channel.SOCIAL)) {
            webhookOf(channel)
                    .filter(w -> !w.signed())
                    .ifPresent(w -> log.warn(
                            "casedesk.channels.{}.webhook-url is set without a secret: its deliveries are not signed "
                                    + "(the prod profile refuses this)",
                            channel.wire()));
        }
    }

    /**
     * Queues the webhook delivery of a customer's mail when the case's channel has a webhook, in the caller's
     * transaction; gives its id. Mail for email, web and phone cases, and mail to managers, go by mail only.
     */
    Optional<Long> queue(SupportCase c, MailKind kind, long mailId, String text, List<Link> links) {
        if (!kind.toCustomer() || c.channel() != Channel.CHAT && c.channel() != Channel.SOCIAL) {
            return Optional.empty();
        }
        Optional<ChannelSettings.Webhook> webhook = webhookOf(c.channel());
        if (webhook.isEmpty()) {
            if (reportedUnconfigured.add(c.channel())) {
                log.info(
                        "No webhook for channel {} (casedesk.channels.{}.webhook-url): its customers get mail only",
                        c.channel().wire(),
                        c.channel().wire());
            }
            return Optional.empty();
        }
        var now = clock.instant();
        String body;
        try {
            body = json.writeValueAsString(new Payload(c.reference(), kind.slug(), text, links, now.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook message of " + c.reference(), e);
        }
        long id = outbox.insert(
                mailId, c.id(), c.channel().wire(), UUID.randomUUID().toString(), body, now);
        delivery.scheduleWebhook(id, c.reference());
        return Optional.of(id);
    }

    /** POSTs a queued message to its channel's webhook; one already delivered is not sent again. */
    @Transactional
    public void deliver(long webhookId) {
        WebhookMessage message = outbox.find(webhookId)
                .orElseThrow(() -> new IllegalArgumentException("no webhook message " + webhookId));
        if (message.status() == WebhookMessage.Status.SENT) {
            return;
        }
        String reference = cases.referenceOf(message.caseId());
        Channel channel = Channel.fromWire(message.channel());
        ChannelSettings.Webhook webhook = webhookOf(channel)
                .orElseThrow(() -> new WebhookDeliveryException(("casedesk.channels.%s.webhook-url is no longer set: "
                                + "message %s of %s cannot be delivered. Set it and retry this incident in Cockpit, "
                                + "or cancel this mail-delivery instance to drop the message.")
                        .formatted(channel.wire(), message.deliveryId(), reference)));
        URI url = url(webhook);
        var request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(DELIVERY_HEADER, message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
        if (webhook.signed()) {
            request.header(SIGNATURE_HEADER, WebhookSignature.of(message.body(), webhook.secret()));
        }
        String what =
                "message %s of %s to the %s webhook %s".formatted(message.deliveryId(), reference, channel.wire(), url);
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new WebhookDeliveryException("Could not deliver " + what + ": " + e
                    + ". Once the integration is reachable, retry this incident in Cockpit (the receiver drops a "
                    + "repeat by its " + DELIVERY_HEADER + " header).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookDeliveryException("Interrupted while delivering " + what);
        }
        if (response.statusCode() / 100 != 2) {
            throw new WebhookDeliveryException("The integration answered HTTP " + response.statusCode() + " to " + what
                    + ". Check its logs (is " + SIGNATURE_HEADER + " checked with the right secret, "
                    + "casedesk.channels." + channel.wire() + ".secret?), then retry this incident in Cockpit.");
        }
        outbox.markSent(message.id(), clock.instant());
        cases.recordEvent(
                reference,
                CaseEventType.WEBHOOK_SENT,
                kindOf(message) + " delivered to the " + channel.wire() + " webhook (" + message.deliveryId() + ")");
    }

    /** The webhook messages of a case, oldest first (for tests and support). */
    @Transactional(readOnly = true)
    public List<WebhookMessage> outboxOf(String reference) {
        return outbox.ofCase(cases.get(reference).id());
    }

    /** The customer links a mail carries, from the values its templates were rendered with. */
    static List<Link> links(MailKind kind, IContext context) {
        var links = new ArrayList<Link>();
        if (kind.asksForConfirmation()) {
            links.add(new Link("fixed", "Yes, it is fixed", (String) context.getVariable("fixedLink")));
            links.add(new Link("broken", "No, it is still broken", (String) context.getVariable("brokenLink")));
        }
        if (kind == MailKind.SURVEY) {
            links.add(new Link("survey", "Rate our help", (String) context.getVariable("surveyLink")));
            if (context.getVariable("scoreLinks") instanceof List<?> scores) {
                for (int i = 0; i < scores.size(); i++) {
                    links.add(new Link("score-" + (i + 1), (i + 1) + " of 5", String.valueOf(scores.get(i))));
                }
            }
        }
        return links;
    }

    private Optional<ChannelSettings.Webhook> webhookOf(Channel channel) {
        ChannelSettings.Webhook webhook = switch (channel) {
            case CHAT -> settings.chat();
            case SOCIAL -> settings.social();
            default -> null;
        };
        return Optional.ofNullable(webhook).filter(ChannelSettings.Webhook::configured);
    }

    private URI url(ChannelSettings.Webhook webhook) {
        String url = webhook.webhookUrl().strip();
        return URI.create(url.startsWith("/") ? publicUrl.base() + url : url);
    }

    private String kindOf(WebhookMessage message) {
        try {
            return json.readTree(message.body()).path("kind").asText();
        } catch (JsonProcessingException e) {
            return "message";
        }
    }

    /** A delivery that did not reach the integration: the job fails, is retried, and ends as an incident. */
    static class WebhookDeliveryException extends RuntimeException {
        WebhookDeliveryException(String message) {
            super(message);
        }
    }
}
