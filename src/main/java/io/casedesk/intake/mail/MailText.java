package io.casedesk.intake.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The words of a mail as plain text: the text/plain part, else the HTML part turned into text; attachments are
 * named, not stored. The result is only ever stored and shown as text.
 */
final class MailText {

    /** Deeper MIME nesting than this is not something a mail client writes. */
    private static final int MAX_DEPTH = 10;

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "section",
            "article",
            "header",
            "footer",
            "hr");

    /**
     * Where a quoted earlier mail starts: "On … wrote:" (also wrapped over two lines), German clients' "Am …
     * schrieb …:", Outlook's "-----Original Message-----" and its "From:/Sent:" block under a rule.
     */
    private static final Pattern QUOTE_START =
            Pattern.compile("(?m)^(?:On\\s[^\\n]{0,300}(?:\\n[^\\n]{0,300})?\\swrote:[ \\t]*$"
                    + "|Am\\s[^\\n]{0,300}(?:\\n[^\\n]{0,300})?\\sschrieb\\b[^\\n]{0,300}(?:\\n[^\\n]{0,300})?:[ \\t]*$"
                    + "|-{2,}\\s*(?:Original Message|Ursprüngliche Nachricht)\\s*-{2,}"
                    + "|_{10,}[ \\t]*\\n(?:From|Von):)");

    private MailText() {}

    /** The readable text of a message or part, with a line naming each attachment. */
    static String of(Part mail) throws MessagingException, IOException {
        var found = new Found();
        collect(mail, found, 0);
        String text = found.plain != null ? found.plain : found.html != null ? htmlToText(found.html) : "";
        text = clean(text);
        if (!found.attachments.isEmpty()) {
            text = text + (text.isEmpty() ? "" : "\n\n") + "[attachments not stored: "
                    + String.join(", ", found.attachments) + "]";
        }
        return text;
    }

    private static final class Found {
        String plain;
        String html;
        final List<String> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Found found, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MessagingException("MIME parts nested deeper than " + MAX_DEPTH);
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException(
                        "multipart without parts: " + content.getClass().getSimpleName());
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found, depth + 1);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (!attachment && part.isMimeType("text/plain")) {
            // some clients split the text around inline images into several plain parts
            found.plain = found.plain == null ? text(part) : found.plain + "\n" + text(part);
        } else if (!attachment && part.isMimeType("text/html") && found.html == null) {
            found.html = text(part);
        } else if (attachment || !part.isMimeType("text/html")) {
            String name = part.getFileName();
            found.attachments.add(oneLine(name != null ? name : part.getContentType(), 100));
        }
    }

    /** Reading the content decodes the transfer encoding and the charset; an unknown charset fails here. */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        throw new MessagingException(
                "text part without text: " + content.getClass().getSimpleName());
    }

    /** HTML as text: paragraphs and line breaks become new lines, markup, scripts and styles disappear. */
    static String htmlToText(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, template").remove();
        var out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            out.append(t.text());
                        } else if (node instanceof Element e && (e.nameIs("br") || BLOCKS.contains(e.normalName()))) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            out.append('\n');
                        }
                    }
                },
                body);
        return out.toString().replaceAll("[ \\t\\u00A0]+", " ").replaceAll(" ?\\n ?", "\n");
    }

    /** A reply without the quoted mail below it; the whole text if nothing is left without the quote. */
    static String withoutQuote(String text) {
        Matcher start = QUOTE_START.matcher(text);
        String head = start.find() ? text.substring(0, start.start()) : text;
        String own = head.lines()
                .filter(line -> !line.startsWith(">"))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        own = clean(own);
        return own.isEmpty() ? text : own;
    }

    /** Unix line ends, no control characters but newline and tab, no runs of blank lines, trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\\n\\t]]|[\\uFEFF\\u200B]", "")
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    /**
     * One line of at most {@code max} characters: for subjects and names, which end up in headers of the mails
     * casedesk sends, where a line break would let a sender add headers of its own.
     */
    static String oneLine(String text, int max) {
        if (text == null) {
            return null;
        }
        String line =
                text.replaceAll("[\\p{Cntrl}\\s\\u2028\\u2029\\u0085]+", " ").strip();
        return cut(line, max, "…");
    }

    /** Text cut to {@code max} characters, with a note that says so, as a mail is never refused for its length. */
    static String limit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String note = "\n\n[shortened by casedesk: the mail had " + text.length() + " characters]";
        return cut(text, max, note);
    }

    private static String cut(String text, int max, String tail) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - tail.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(0, end)).stripTrailing() + tail;
    }
}
