package io.casedesk.intake;

import io.casedesk.system.HousekeepingSettings;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than casedesk.intake.idempotency-key-retention, on every node (the delete is
 * idempotent: a row two nodes both pick is deleted once, and the other delete finds nothing).
 */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotentRequests requests;
    private final IntakeProperties intake;
    private final HousekeepingSettings housekeeping;
    private final Clock clock;

    IdempotencyKeyPurge(
            IdempotentRequests requests, IntakeProperties intake, HousekeepingSettings housekeeping, Clock clock) {
        this.requests = requests;
        this.intake = intake;
        this.housekeeping = housekeeping;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${casedesk.housekeeping.initial-delay:PT2M}",
            fixedDelayString = "${casedesk.housekeeping.every:PT15M}")
    void scheduledPurge() {
        try {
            purge(clock.instant());
        } catch (DataAccessException e) {
            // nothing is lost: the rows stay until the next purge
            log.warn("Idempotency keys not purged this time: {}", e.toString());
        }
    }

    /** Deletes the keys created before {@code now} less the retention; gives how many. */
    int purge(Instant now) {
        Instant cutoff = now.minus(intake.idempotencyKeyRetention());
        int deleted = housekeeping.inBatches(limit -> requests.deleteCreatedBefore(cutoff, limit));
        if (deleted > 0) {
            log.info("Purged {} idempotency keys created before {}", deleted, cutoff);
        }
        return deleted;
    }
}
