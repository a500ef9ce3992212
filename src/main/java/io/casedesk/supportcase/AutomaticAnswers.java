package io.casedesk.supportcase;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import io.casedesk.orders.OrderFacts;
import io.casedesk.orders.OrderService;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaTarget;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the automatic-answer table needs to know about a case's order, and what answering a case automatically means
 * for the case and its SLA clock: the answer from the order facts is its first response and its resolution.
 */
@Service
@Transactional
class AutomaticAnswers {

    private static final DateTimeFormatter ETA = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final CaseService cases;
    private final OrderService orders;
    private final SlaClock slaClock;

    AutomaticAnswers(CaseService cases, OrderService orders, SlaClock slaClock) {
        this.cases = cases;
        this.orders = orders;
        this.slaClock = slaClock;
    }

    /** The inputs of the automatic-answer table about the case's order. */
    record OrderLookup(boolean hasOrderId, boolean known, String status) {}

    @Transactional(readOnly = true)
    OrderLookup lookUp(String reference) {
        SupportCase c = cases.get(reference);
        boolean hasOrderId = c.orderId() != null && !c.orderId().isBlank();
        Optional<OrderFacts> facts = hasOrderId ? orders.find(c.orderId()) : Optional.empty();
        return new OrderLookup(
                hasOrderId, facts.isPresent(), facts.map(OrderFacts::status).orElse(null));
    }

    /** Answers the case from its order's facts; it is then resolved and waits for the customer's confirmation. */
    void answer(String reference, String template) {
        SupportCase c = cases.get(reference);
        OrderFacts facts = orders.find(c.orderId())
                .orElseThrow(() -> new IllegalStateException(
                        "The facts of the order of " + reference + " are gone: an agent answers it"));
        cases.recordAutomaticAnswer(
                reference,
                text(facts),
                "Answered automatically (%s) from the facts of order %s".formatted(template, facts.orderId()));
        slaClock.met(reference, SlaTarget.RESPONSE);
        slaClock.met(reference, SlaTarget.RESOLUTION);
    }

    static String text(OrderFacts facts) {
        var text = new StringBuilder("Your order ")
                .append(facts.orderId())
                .append(" is ")
                .append(facts.status());
        if (facts.carrier() != null) {
            text.append(", carried by ").append(facts.carrier());
        }
        text.append('.');
        if (facts.eta() != null) {
            text.append(" It is expected on ").append(ETA.format(facts.eta())).append('.');
        }
        if (facts.trackingUrl() != null) {
            text.append(" You can follow it here: ").append(facts.trackingUrl());
        }
        return text.toString();
    }
}
