package io.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casedesk.EndToEndContext;
import io.casedesk.system.HousekeepingSettings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys are remembered for casedesk.intake.idempotency-key-retention (24 h) and then purged: the same key
 * then opens a new case. Each test has a principal of its own; its keys are aged by moving their creation back.
 */
@EndToEndContext
class IdempotencyKeyPurgeTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final String CUSTOMER = "purge-" + UUID.randomUUID() + "@example.com";

    @Autowired
    IntakeService intake;

    @Autowired
    IdempotentRequests requests;

    @Autowired
    IdempotencyKeyPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyPastItsRetention_isPurged_andThenOpensANewCase_whileAYoungerKeyStays() {
        String principal = principal();
        CaseOpened first = intake.open(request("Parcel lost"), principal, "key-old");
        assertThatThrownBy(() -> intake.open(request("Something else"), principal, "key-old"))
                .as("within its retention the key belongs to the first request")
                .isInstanceOf(IdempotencyConflictException.class);
        CaseOpened younger = intake.open(request("Refund missing"), principal, "key-young");
        Instant now = Instant.now();
        createdAt(principal, "key-old", now.minus(RETENTION).minusSeconds(60));
        createdAt(principal, "key-young", now.minus(RETENTION).plusSeconds(600));

        assertThat(purge.purge(now)).isGreaterThanOrEqualTo(1);

        assertThat(requests.find(principal, "key-old")).isEmpty();
        assertThat(requests.find(principal, "key-young")).isPresent();
        assertThat(intake.open(request("Refund missing"), principal, "key-young")
                        .reference())
                .as("the younger key still gives its first answer")
                .isEqualTo(younger.reference());
        CaseOpened reused = intake.open(request("Something else"), principal, "key-old");
        assertThat(reused.reference()).isNotEqualTo(first.reference());
        assertThat(intake.open(request("Something else"), principal, "key-old").reference())
                .as("the purged key is remembered anew for its new request")
                .isEqualTo(reused.reference());
    }

    @Test
    void aPurgeDeletesInBoundedBatches_andASecondNodePurgingTheSameFindsNothingLeft() {
        String principal = principal();
        Instant now = Instant.now();
        Instant old = now.minus(RETENTION).minus(Duration.ofDays(2));
        for (int i = 0; i < 7; i++) {
            requests.claim(principal, "old-" + i, "hash", old);
        }
        requests.claim(principal, "live", "hash", now);
        long expiredBefore = expiredCount(now);
        assertThat(expiredBefore).isGreaterThanOrEqualTo(7);

        var bounded = new IdempotencyKeyPurge(
                requests,
                new IntakeProperties(RETENTION),
                new HousekeepingSettings(Duration.ofMinutes(15), Duration.ofMinutes(2), 2, 2));
        assertThat(bounded.purge(now)).as("two batches of two rows").isEqualTo(4);
        assertThat(expiredCount(now)).isEqualTo(expiredBefore - 4);

        // two nodes purge the rest one after the other (as their schedules may meet): the first deletes it all,
        // the second deletes nothing and fails on nothing
        int nodeA = purge.purge(now);
        int nodeB = purge.purge(now);
        assertThat(nodeA).isEqualTo(expiredBefore - 4);
        assertThat(nodeB).isZero();
        assertThat(keysOf(principal)).containsExactly("live");
    }

    private long expiredCount(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotent_request WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(RETENTION)))
                .query(Long.class)
                .single();
    }

    private List<String> keysOf(String principal) {
        return jdbc.sql("SELECT request_key FROM idempotent_request WHERE principal = :p ORDER BY request_key")
                .param("p", principal)
                .query(String.class)
                .list();
    }

    private void createdAt(String principal, String key, Instant at) {
        assertThat(jdbc.sql("UPDATE idempotent_request SET created_at = :at WHERE principal = :p AND request_key = :k")
                        .param("at", Timestamp.from(at))
                        .param("p", principal)
                        .param("k", key)
                        .update())
                .isEqualTo(1);
    }

    private static String principal() {
        return "purge-" + UUID.randomUUID();
    }

    /** The same subject gives the same request (and so the same hash) within a run. */
    private static NewCaseRequest request(String subject) {
        return new NewCaseRequest(
                "chat",
                new NewCaseRequest.Customer(CUSTOMER, "Pat", "standard"),
                subject,
                "Please help.",
                null,
                null,
                List.of());
    }
}
