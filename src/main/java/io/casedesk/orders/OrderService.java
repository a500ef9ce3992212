package io.casedesk.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Keeps the order facts integrations send and reads an order through the OrderStatus port. */
@Service
public class OrderService {

    private final OrderFactsTable table;
    private final OrderStatus status;
    private final Clock clock;

    OrderService(OrderFactsTable table, OrderStatus status, Clock clock) {
        this.table = table;
        this.status = status;
        this.clock = clock;
    }

    /** Stores what an integration says about the order now; the latest facts replace earlier ones. */
    public OrderFacts record(String orderId, String orderStatus, String carrier, String trackingUrl, LocalDate eta) {
        var facts = new OrderFacts(orderId, orderStatus, carrier, trackingUrl, eta, clock.instant());
        table.save(facts);
        return facts;
    }

    public Optional<OrderFacts> find(String orderId) {
        return orderId == null || orderId.isBlank() ? Optional.empty() : status.find(orderId);
    }
}
