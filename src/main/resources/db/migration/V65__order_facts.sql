-- What a shop told us about an order (PUT /api/orders/{orderId}); the first adapter of the OrderStatus port, which
-- automatic answers and suggested replies read. One row per order: the latest facts win.
CREATE TABLE order_facts (
    order_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    status       VARCHAR(64)   NOT NULL,
    carrier      VARCHAR(100),
    tracking_url VARCHAR(2000),
    eta          DATE,
    updated_at   TIMESTAMP(3)  NOT NULL
);
