package io.casedesk.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** PUT /api/orders/{orderId} keeps an order's facts; GET reads them (API.md). */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
class OrderController {

    /** The order ids intake accepts (NewCaseRequest), so every case's order can have facts. */
    private static final String ORDER_ID = "[A-Za-z0-9._/-]{1,64}";

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    record OrderFactsRequest(
            @NotBlank @Size(max = 64) String status,
            @Size(max = 100) String carrier,

            @Size(max = 2000) @Pattern(regexp = "https?://[^\\s<>\"]+", message = "must be an http or https address")
            String trackingUrl,

            LocalDate eta) {}

    record OrderFactsView(
            String orderId, String status, String carrier, String trackingUrl, LocalDate eta, Instant updatedAt) {

        static OrderFactsView of(OrderFacts f) {
            return new OrderFactsView(f.orderId(), f.status(), f.carrier(), f.trackingUrl(), f.eta(), f.updatedAt());
        }
    }

    @PutMapping("/{orderId}")
    ResponseEntity<Void> put(
            @PathVariable @Pattern(regexp = ORDER_ID, message = "may hold letters, digits and . _ / - only")
                    String orderId,
            @RequestBody @Valid OrderFactsRequest body) {
        orders.record(orderId, body.status(), body.carrier(), body.trackingUrl(), body.eta());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{orderId}")
    OrderFactsView get(
            @PathVariable @Pattern(regexp = ORDER_ID, message = "may hold letters, digits and . _ / - only")
                    String orderId) {
        return orders.find(orderId).map(OrderFactsView::of).orElseThrow(() -> new OrderNotFound(orderId));
    }

    static class OrderNotFound extends ErrorResponseException {

        OrderNotFound(String orderId) {
            super(HttpStatus.NOT_FOUND);
            getBody().setTitle("Order not found");
            getBody().setDetail("Nothing is known about order " + orderId);
        }
    }
}
