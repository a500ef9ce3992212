package io.casedesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's reply as the HTML mail shows it: text, with the links to our own knowledge-base articles
 * ({@code <public-url>/kb/<slug>}) made clickable. Any other address stays text, as the agent typed it.
 */
record ReplyText(String text, boolean articleLink) {

    static List<ReplyText> parts(String reply, String publicBase) {
        var parts = new ArrayList<ReplyText>();
        Matcher link = Pattern.compile(Pattern.quote(publicBase + "/kb/") + "[A-Za-z0-9-]{1,120}")
                .matcher(reply);
        int from = 0;
        while (link.find()) {
            if (link.start() > from) {
                parts.add(new ReplyText(reply.substring(from, link.start()), false));
            }
            parts.add(new ReplyText(link.group(), true));
            from = link.end();
        }
        if (from < reply.length()) {
            parts.add(new ReplyText(reply.substring(from), false));
        }
        return parts;
    }
}
