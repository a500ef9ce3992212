package io.casedesk.intake;

/** The same Idempotency-Key came back with a different body. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("This Idempotency-Key was already used with a different request body");
    }
}
