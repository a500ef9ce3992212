package io.casedesk.intake;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Scores a customer's text with VADER, the lexicon- and rule-based analyser; compound score in [-1, 1]. */
@Component
class CustomerSentiment {

    /**
     * VADER's cost grows faster than the text (a 10,000-character run-on takes over a second); the opening of a
     * message carries its tone, so only that much is scored.
     */
    static final int SCORED_CHARACTERS = 4_000;

    double score(String text) {
        if (text == null || text.isBlank()) {
            return 0.0;
        }
        String scored = text.length() > SCORED_CHARACTERS ? text.substring(0, SCORED_CHARACTERS) : text;
        try {
            // not thread-safe: one analyser per text
            var analyzer = new SentimentAnalyzer(scored);
            analyzer.analyze();
            Float compound = analyzer.getPolarity().get("compound");
            return compound == null ? 0.0 : Math.max(-1.0, Math.min(1.0, compound));
        } catch (IOException e) {
            throw new UncheckedIOException("VADER lexicon could not be read", e);
        }
    }
}
