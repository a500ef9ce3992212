package io.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two nodes purging idempotency keys at the same moment on a real MySQL or MariaDB server (READ COMMITTED, as the
 * mysql profile runs): each expired row is deleted once, neither purge fails, and live keys stay. The application
 * context is CaseLifecycleMySqlTest's (same profiles and settings). Runs with `./mvnw -Pmysql-it test`.
 */
@Tag("mysql")
@ActiveProfiles({"dev", "mysql"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyPurgeMySqlTest {

    @Autowired
    IdempotentRequests requests;

    @Autowired
    IdempotencyKeyPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoNodesPurgingAtOnce_deleteEachExpiredKeyOnce_andKeepTheLiveOnes() throws Exception {
        String principal = "purge-mysql-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(3));
        int expired = 3000;
        for (int i = 0; i < expired; i++) {
            requests.claim(principal, "old-" + i, "hash", old);
        }
        requests.claim(principal, "live", "hash", now);
        long expiredOnServer = jdbc.sql("SELECT COUNT(*) FROM idempotent_request WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofHours(24))))
                .query(Long.class)
                .single();

        var nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = () -> purge.purge(now);
            List<Future<Integer>> runs = nodes.invokeAll(List.of(node, node));
            int deleted = runs.get(0).get() + runs.get(1).get();
            assertThat(deleted).as("each expired key deleted once").isEqualTo(expiredOnServer);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT request_key FROM idempotent_request WHERE principal = :p")
                        .param("p", principal)
                        .query(String.class)
                        .list())
                .containsExactly("live");
    }
}
