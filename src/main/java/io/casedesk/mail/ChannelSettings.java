package io.casedesk.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.channels.*: the integration webhooks that chat and social customers are answered through, beside mail
 * (API.md, "Replies on the customer's channel").
 *
 * @param chat           the chat widget's webhook
 * @param social         the social listener's webhook
 * @param connectTimeout how long to wait for a webhook's server to accept the connection
 * @param timeout        how long to wait for a webhook's answer; a slower one counts as failed and is retried
 */
@ConfigurationProperties("casedesk.channels")
public record ChannelSettings(
        @DefaultValue Webhook chat,
        @DefaultValue Webhook social,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration timeout) {

    /**
     * @param webhookUrl where every message to the channel's customers is POSTed as JSON; a path (/…) is on this
     *                   server (casedesk.public-url); unset, the channel's customers get mail only
     * @param secret     the key of the HMAC-SHA256 signature (header X-Casedesk-Signature) the receiver checks; the
     *                   prod profile refuses a webhook URL without one
     */
    public record Webhook(String webhookUrl, String secret) {

        boolean configured() {
            return webhookUrl != null && !webhookUrl.isBlank();
        }

        boolean signed() {
            return secret != null && !secret.isEmpty();
        }
    }
}
