package io.casedesk.intake;

import io.casedesk.system.HousekeepingSettings;
import io.casedesk.system.Purge;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than casedesk.intake.idempotency-key-retention, on every node (the delete is
 * idempotent: a row two nodes both pick is deleted once, and the other delete finds nothing).
 */
@Component
class IdempotencyKeyPurge implements Purge {

    private final IdempotentRequests requests;
    private final IntakeProperties intake;
    private final HousekeepingSettings housekeeping;

    IdempotencyKeyPurge(IdempotentRequests requests, IntakeProperties intake, HousekeepingSettings housekeeping) {
        this.requests = requests;
        this.intake = intake;
        this.housekeeping = housekeeping;
    }

    @Override
    public String what() {
        return "idempotency keys";
    }

    /** Deletes the keys created before {@code now} less the retention; gives how many. */
    @Override
    public int purge(Instant now) {
        Instant cutoff = now.minus(intake.idempotencyKeyRetention());
        return housekeeping.inBatches(limit -> requests.deleteCreatedBefore(cutoff, limit));
    }
}
