package io.casedesk.survey;

import io.casedesk.system.HousekeepingSettings;
import io.casedesk.system.Purge;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Deletes customer tokens that expired or were used (or retired) longer than casedesk.survey.token-retention ago,
 * on every node (the deletes are idempotent). A purged token is unknown, and an unknown token gets the same friendly
 * page as a used one: a customer sees no difference, and no token ever stands for another case (tokens are never
 * issued twice: 256 random bits).
 */
@Component
class CustomerTokenPurge implements Purge {

    private final CustomerTokens tokens;
    private final SurveyProperties survey;
    private final HousekeepingSettings housekeeping;

    CustomerTokenPurge(CustomerTokens tokens, SurveyProperties survey, HousekeepingSettings housekeeping) {
        this.tokens = tokens;
        this.survey = survey;
        this.housekeeping = housekeeping;
    }

    @Override
    public String what() {
        return "customer tokens expired or used before their retention";
    }

    /** Deletes the tokens expired or used before {@code now} less the retention; gives how many. */
    @Override
    public int purge(Instant now) {
        Instant cutoff = now.minus(survey.tokenRetention());
        return housekeeping.inBatches(limit -> tokens.deleteExpiredBefore(cutoff, limit))
                + housekeeping.inBatches(limit -> tokens.deleteUsedBefore(cutoff, limit));
    }
}
