package io.casedesk.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The X-Casedesk-Signature of a webhook message (API.md): {@code sha256=} and the lower-case hex HMAC-SHA256 of the
 * UTF-8 body with the channel's secret. One definition for the sender (mail's ChannelWebhooks) and the dev receiver.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String of(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The receiver's check, in constant time so the comparison gives nothing away. */
    public static boolean matches(String body, String signature, String secret) {
        return MessageDigest.isEqual(
                of(body, secret).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
