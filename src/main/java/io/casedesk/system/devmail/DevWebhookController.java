package io.casedesk.system.devmail;

import io.casedesk.system.devmail.DevWebhookSink.Received;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * /dev/webhooks: the dev webhook receiver and its page. A POST is checked with the channel's secret
 * (casedesk.channels.{channel}.secret, read by name: system knows no feature) and answered 200, or 401 for a wrong
 * signature as a real integration would; either way it is listed, newest first, with its text and links escaped.
 */
@Controller
@Profile("dev")
class DevWebhookController {

    private final DevWebhookSink sink;
    private final Environment environment;

    DevWebhookController(DevWebhookSink sink, Environment environment) {
        this.sink = sink;
        this.environment = environment;
    }

    @PostMapping("/dev/webhooks/receive/{channel}")
    ResponseEntity<Void> receive(
            @PathVariable String channel,
            @RequestHeader(name = "X-Casedesk-Delivery", required = false) String deliveryId,
            @RequestHeader(name = "X-Casedesk-Signature", required = false) String signature,
            @RequestBody byte[] body) {
        if (!channel.matches("[a-z]{1,16}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String secret = environment.getProperty("casedesk.channels." + channel + ".secret");
        Received received =
                sink.receive(channel, deliveryId, signature, new String(body, StandardCharsets.UTF_8), secret);
        return ResponseEntity.status(received.signatureValid() ? HttpStatus.OK : HttpStatus.UNAUTHORIZED)
                .build();
    }

    @GetMapping("/dev/webhooks")
    ModelAndView list() {
        return new ModelAndView("dev/webhooks", "messages", sink.newestFirst());
    }
}
