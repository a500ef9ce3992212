package io.casedesk.orders;

import java.time.Instant;
import java.time.LocalDate;

/** What is known about an order: its status, who carries it, where to track it and when it should arrive. */
public record OrderFacts(
        String orderId, String status, String carrier, String trackingUrl, LocalDate eta, Instant updatedAt) {}
