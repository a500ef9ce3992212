package io.casedesk.orders;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The order_facts table: the OrderStatus adapter that integrations feed through PUT /api/orders/{orderId}. */
@Repository
class OrderFactsTable implements OrderStatus {

    private final JdbcClient jdbc;

    OrderFactsTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrderFacts> find(String orderId) {
        return jdbc.sql("""
                SELECT order_id, status, carrier, tracking_url, eta, updated_at FROM order_facts
                WHERE order_id = :orderId""")
                .param("orderId", orderId)
                .query((rs, row) -> new OrderFacts(
                        rs.getString("order_id"),
                        rs.getString("status"),
                        rs.getString("carrier"),
                        rs.getString("tracking_url"),
                        rs.getObject("eta", java.time.LocalDate.class),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** Keeps the facts: an update when the order is known, else an insert (portable, unlike MERGE / upsert). */
    @Transactional
    void save(OrderFacts facts) {
        if (update(facts) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO order_facts (order_id, status, carrier, tracking_url, eta, updated_at)
                        VALUES (:orderId, :status, :carrier, :trackingUrl, :eta, :updatedAt)""").params(params(facts)).update();
            } catch (DuplicateKeyException raced) {
                // another PUT of the same order inserted first: the later facts still win
                update(facts);
            }
        }
    }

    private int update(OrderFacts facts) {
        return jdbc.sql("""
                UPDATE order_facts SET status = :status, carrier = :carrier, tracking_url = :trackingUrl, eta = :eta,
                    updated_at = :updatedAt
                WHERE order_id = :orderId""").params(params(facts)).update();
    }

    private static java.util.Map<String, Object> params(OrderFacts facts) {
        var params = new java.util.HashMap<String, Object>();
        params.put("orderId", facts.orderId());
        params.put("status", facts.status());
        params.put("carrier", facts.carrier());
        params.put("trackingUrl", facts.trackingUrl());
        params.put("eta", facts.eta());
        params.put("updatedAt", Timestamp.from(facts.updatedAt()));
        return params;
    }
}
