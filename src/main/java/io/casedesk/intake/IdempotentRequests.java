package io.casedesk.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdempotentRequests {

    record Stored(String requestHash, String response) {}

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String principal, String key) {
        return jdbc.sql(
                        "SELECT request_hash, response FROM idempotent_request WHERE principal = :p AND request_key = :k")
                .param("p", principal)
                .param("k", key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getString("response")))
                .optional();
    }

    /**
     * Claims the key before the case is opened: a concurrent request with the same key waits on the
     * primary key until this transaction ends, then fails with a duplicate key instead of opening a second case.
     */
    void claim(String principal, String key, String requestHash, Instant now) {
        jdbc.sql("""
                INSERT INTO idempotent_request (principal, request_key, request_hash, created_at)
                VALUES (:p, :k, :h, :at)""")
                .param("p", principal)
                .param("k", key)
                .param("h", requestHash)
                .param("at", Timestamp.from(now))
                .update();
    }

    void complete(String principal, String key, String reference, String response) {
        jdbc.sql(
                        "UPDATE idempotent_request SET reference = :r, response = :body WHERE principal = :p AND request_key = :k")
                .param("r", reference)
                .param("body", response)
                .param("p", principal)
                .param("k", key)
                .update();
    }

    /** Deletes at most {@code limit} keys created before the cutoff (any of them: all are past their retention). */
    int deleteCreatedBefore(Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM idempotent_request WHERE created_at < :cutoff LIMIT :limit")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
