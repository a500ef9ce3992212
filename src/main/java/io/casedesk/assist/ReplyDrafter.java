package io.casedesk.assist;

import io.casedesk.orders.OrderFacts;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a suggested reply from fixed sentences and the case's facts. The facts (the customer's name and subject,
 * the order facts, an article or a past resolution) are only ever inserted as text: nothing in them is a template,
 * a format string or an expression.
 */
final class ReplyDrafter {

    /** Where the body of the answer comes from: a knowledge article, or what resolved a similar case. */
    sealed interface Source {
        String id();
    }

    record ArticleSource(String id, String title, String firstParagraph, String url) implements Source {}

    record CaseSource(String id, String resolution) implements Source {}

    /** The facts of the case the reply is for. */
    record Facts(String customerName, String subject, String orderId, Optional<OrderFacts> order) {}

    private static final DateTimeFormatter ETA = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final int PARAGRAPH_MAX = 600;

    private ReplyDrafter() {}

    static SuggestedReply draft(Facts facts, Optional<Source> source) {
        var paragraphs = new ArrayList<String>();
        String name = facts.customerName() == null || facts.customerName().isBlank()
                ? ""
                : ", " + facts.customerName().strip();
        // the mail around the reply greets the customer and signs it (templates/mail): the draft is the body only
        paragraphs.add("Thank you for contacting us about \"" + oneLine(facts.subject()) + "\"" + name + ".");
        orderParagraph(facts).ifPresent(paragraphs::add);
        source.ifPresentOrElse(
                s -> paragraphs.add(sourceParagraph(s)),
                () -> paragraphs.add("We are looking into it and will get back to you shortly."));
        return new SuggestedReply(
                String.join("\n\n", paragraphs),
                source.map(Source::id).map(List::of).orElse(List.of()));
    }

    private static Optional<String> orderParagraph(Facts facts) {
        if (facts.orderId() == null || facts.orderId().isBlank()) {
            return Optional.empty();
        }
        String order = "Your order " + facts.orderId().strip();
        if (facts.order().isEmpty()) {
            return Optional.of(order + ": we are checking its status with our shipping team.");
        }
        OrderFacts o = facts.order().get();
        var text = new StringBuilder(order);
        text.append(o.status() == null || o.status().isBlank() ? " is on its way" : " is " + spoken(o.status()));
        if (o.carrier() != null && !o.carrier().isBlank()) {
            text.append(" with ").append(o.carrier().strip());
        }
        text.append('.');
        if (o.trackingUrl() != null && !o.trackingUrl().isBlank()) {
            text.append(" You can follow it here: ").append(o.trackingUrl().strip());
        }
        if (o.eta() != null) {
            text.append(" It should arrive on ").append(ETA.format(o.eta())).append('.');
        }
        return Optional.of(text.toString());
    }

    private static String sourceParagraph(Source source) {
        if (source instanceof ArticleSource a) {
            return "Our article \"" + oneLine(a.title()) + "\" explains what to do:\n" + shortened(a.firstParagraph())
                    + "\nRead it here: " + a.url();
        }
        return "Here is what we suggest: " + shortened(((CaseSource) source).resolution());
    }

    /** "in_transit" → "in transit". */
    private static String spoken(String status) {
        return status.strip().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String shortened(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= PARAGRAPH_MAX ? t : t.substring(0, PARAGRAPH_MAX - 1) + "…";
    }
}
