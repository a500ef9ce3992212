package io.casedesk.survey;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring tokens of 256 random bits that stand for one case and one purpose in a customer link.
 * A token's purpose is also its state: a survey link scored with one click becomes a {@link Purpose#SURVEY_COMMENT}
 * link, which takes the optional comment once and can never score again.
 */
@Repository
class CustomerTokens {

    enum Purpose {
        RESOLUTION,
        SURVEY,
        /** A survey link whose score is in; it still takes one comment. */
        SURVEY_COMMENT
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    CustomerTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new link for the case and purpose; older unused ones are retired, so only the latest mail's link works.
     * <p>
     * The links to retire are found by the case's index and retired by primary key: an update that selects them by
     * its columns may go through the index of unused tokens (used_at, for the purge), lock every unused token of
     * every case, and deadlock with another case's flow doing the same (seen on MariaDB under load).
     */
    String issue(long caseId, Purpose purpose, Instant now, Duration validFor) {
        List<String> unused = jdbc.sql("""
                SELECT token FROM customer_token
                WHERE case_id = :caseId AND purpose IN (:purposes) AND used_at IS NULL""")
                .param("caseId", caseId)
                .param(
                        "purposes",
                        purpose == Purpose.SURVEY
                                ? List.of(Purpose.SURVEY.name(), Purpose.SURVEY_COMMENT.name())
                                : List.of(purpose.name()))
                .query(String.class)
                .list();
        if (!unused.isEmpty()) {
            jdbc.sql("UPDATE customer_token SET used_at = :now WHERE token IN (:tokens) AND used_at IS NULL")
                    .param("now", Timestamp.from(now))
                    .param("tokens", unused)
                    .update();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO customer_token (token, case_id, purpose, created_at, expires_at)
                VALUES (:token, :caseId, :purpose, :now, :expires)""")
                .param("token", token)
                .param("caseId", caseId)
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(validFor)))
                .update();
        return token;
    }

    /** The case (its id) a valid, unused token stands for. */
    Optional<Long> peek(String token, Purpose purpose, Instant now) {
        return jdbc.sql("""
                SELECT case_id FROM customer_token
                WHERE token = :token AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .param("token", token)
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /** Uses the token up; only one of two concurrent uses wins. */
    Optional<Long> redeem(String token, Purpose purpose, Instant now) {
        Optional<Long> claim = peek(token, purpose, now);
        if (claim.isEmpty()) {
            return claim;
        }
        int won = jdbc.sql("""
                UPDATE customer_token SET used_at = :now
                WHERE token = :token AND purpose = :purpose AND used_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("token", token)
                .param("purpose", purpose.name())
                .update();
        return won == 1 ? claim : Optional.empty();
    }

    /** Moves a valid, unused token on to its next purpose; only one of two concurrent moves wins. */
    Optional<Long> advance(String token, Purpose from, Purpose to, Instant now) {
        Optional<Long> claim = peek(token, from, now);
        if (claim.isEmpty()) {
            return claim;
        }
        int won = jdbc.sql("""
                UPDATE customer_token SET purpose = :to
                WHERE token = :token AND purpose = :from AND used_at IS NULL AND expires_at > :now""")
                .param("to", to.name())
                .param("token", token)
                .param("from", from.name())
                .param("now", Timestamp.from(now))
                .update();
        return won == 1 ? claim : Optional.empty();
    }

    /** Deletes at most {@code limit} tokens that expired before the cutoff, used or not. */
    int deleteExpiredBefore(Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM customer_token WHERE expires_at < :cutoff LIMIT :limit")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    /** Deletes at most {@code limit} tokens used (or retired by a newer link) before the cutoff. */
    int deleteUsedBefore(Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM customer_token WHERE used_at < :cutoff LIMIT :limit")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
