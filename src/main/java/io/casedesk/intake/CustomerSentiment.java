package io.casedesk.intake;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Scores a customer's text with VADER, the lexicon- and rule-based analyser; compound score in [-1, 1]. */
@Component
class CustomerSentiment {

    double score(String text) {
        if (text == null || text.isBlank()) {
            return 0.0;
        }
        try {
            // not thread-safe: one analyser per text
            var analyzer = new SentimentAnalyzer(text);
            analyzer.analyze();
            Float compound = analyzer.getPolarity().get("compound");
            return compound == null ? 0.0 : Math.max(-1.0, Math.min(1.0, compound));
        } catch (IOException e) {
            throw new UncheckedIOException("VADER lexicon could not be read", e);
        }
    }
}
