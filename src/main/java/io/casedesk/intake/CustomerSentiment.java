package io.casedesk.intake;

import io.casedesk.cases.MessageSentiment;
import org.springframework.stereotype.Component;

/** Scores a customer's text with VADER, the lexicon- and rule-based analyser; compound score in [-1, 1]. */
@Component
class CustomerSentiment implements MessageSentiment {

    /**
     * The opening of a message carries its tone, and on a long text the compound score has long saturated, so only
     * that much is scored.
     */
    static final int SCORED_CHARACTERS = 4_000;

    private final Vader vader = Vader.standard();

    @Override
    public double score(String text) {
        if (text == null || text.isBlank()) {
            return 0.0;
        }
        String scored = text.length() > SCORED_CHARACTERS ? text.substring(0, SCORED_CHARACTERS) : text;
        return vader.compound(scored);
    }
}
