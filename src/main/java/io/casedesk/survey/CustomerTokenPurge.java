package io.casedesk.survey;

import io.casedesk.system.HousekeepingSettings;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes customer tokens that expired or were used (or retired) longer than casedesk.survey.token-retention ago,
 * on every node (the deletes are idempotent). A purged token is unknown, and an unknown token gets the same friendly
 * page as a used one: a customer sees no difference, and no token ever stands for another case (tokens are never
 * issued twice: 256 random bits).
 */
@Component
class CustomerTokenPurge {

    private static final Logger log = LoggerFactory.getLogger(CustomerTokenPurge.class);

    private final CustomerTokens tokens;
    private final SurveyProperties survey;
    private final HousekeepingSettings housekeeping;
    private final Clock clock;

    CustomerTokenPurge(CustomerTokens tokens, SurveyProperties survey, HousekeepingSettings housekeeping, Clock clock) {
        this.tokens = tokens;
        this.survey = survey;
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
            log.warn("Customer tokens not purged this time: {}", e.toString());
        }
    }

    /** Deletes the tokens expired or used before {@code now} less the retention; gives how many. */
    int purge(Instant now) {
        Instant cutoff = now.minus(survey.tokenRetention());
        int deleted = housekeeping.inBatches(limit -> tokens.deleteExpiredBefore(cutoff, limit))
                + housekeeping.inBatches(limit -> tokens.deleteUsedBefore(cutoff, limit));
        if (deleted > 0) {
            log.info("Purged {} customer tokens expired or used before {}", deleted, cutoff);
        }
        return deleted;
    }
}
