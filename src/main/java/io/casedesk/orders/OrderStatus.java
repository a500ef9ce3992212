package io.casedesk.orders;

import java.util.Optional;

/**
 * The port through which casedesk learns about an order. Its first adapter is the order_facts table that
 * PUT /api/orders/{orderId} keeps; a shop's own API can be plugged in as another bean of this type (mark it
 * {@code @Primary}).
 */
public interface OrderStatus {

    /** The facts of the order, or empty when nothing is known about it. */
    Optional<OrderFacts> find(String orderId);
}
