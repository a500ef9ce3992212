package io.casedesk.system.devmail;

import io.casedesk.system.devmail.DevMailbox.CapturedMail;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * /dev/mail: the captured mails, newest first, and one mail with its links clickable. Everything in a mail is
 * shown as escaped text; the HTML part is rendered only inside a sandboxed frame that may run no script.
 */
@Controller
@DevMailCapture
class DevMailController {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");

    /** A piece of mail text: plain text, or a link to show as an anchor. */
    public record Segment(String text, boolean link) {}

    private final DevMailbox mailbox;

    DevMailController(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/dev/mail")
    ModelAndView list() {
        return new ModelAndView("dev/mails", "mails", mailbox.newestFirst());
    }

    @GetMapping("/dev/mail/{id}")
    ModelAndView show(@PathVariable String id) {
        CapturedMail mail = find(id);
        var page = new ModelAndView("dev/mail", "mail", mail);
        page.addObject("textSegments", mail.text() == null ? List.of() : segments(mail.text()));
        page.addObject("links", links(mail));
        return page;
    }

    /**
     * The HTML part on its own, for the frame on the mail page. The CSP sandbox keeps it script-free and in an
     * opaque origin even when opened directly.
     */
    @GetMapping("/dev/mail/{id}/html")
    ResponseEntity<String> html(@PathVariable String id) {
        CapturedMail mail = find(id);
        if (mail.html() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        "Content-Security-Policy",
                        "sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation; "
                                + "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .body(mail.html());
    }

    private CapturedMail find(String id) {
        if (!id.matches("\\d{1,9}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mailbox.get(Integer.parseInt(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The text cut into plain runs and http(s) links, so the template can make anchors of links and nothing else. */
    static List<Segment> segments(String text) {
        var segments = new ArrayList<Segment>();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(new Segment(text.substring(at, m.start()), false));
            }
            segments.add(new Segment(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false));
        }
        return segments;
    }

    /** Every http(s) link of the text and HTML parts, once each, in order. */
    static List<String> links(CapturedMail mail) {
        var links = new LinkedHashSet<String>();
        for (String part : new String[] {
            mail.text(), mail.html() == null ? null : mail.html().replace("&amp;", "&")
        }) {
            if (part != null) {
                LINK.matcher(part).results().map(r -> r.group()).forEach(links::add);
            }
        }
        return List.copyOf(links);
    }
}
