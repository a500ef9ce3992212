-- Housekeeping purges by age (IdempotencyKeyPurge, CustomerTokenPurge): each delete finds its rows by index
-- instead of reading the whole table.
CREATE INDEX ix_idempotent_request_created ON idempotent_request (created_at);
CREATE INDEX ix_customer_token_expires ON customer_token (expires_at);
CREATE INDEX ix_customer_token_used ON customer_token (used_at);
