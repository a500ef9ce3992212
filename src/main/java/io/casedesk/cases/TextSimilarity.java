package io.casedesk.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two texts are: the cosine of their term-frequency vectors after Lucene's English analysis (lower case,
 * stop words removed, Porter stems), so "parcels arrived late" and "my parcel is arriving late" share their terms.
 * 0 when they share none, 1 for the same terms in the same proportions.
 */
final class TextSimilarity {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private TextSimilarity() {}

    static double cosine(String a, String b) {
        Map<String, Integer> x = terms(a);
        Map<String, Integer> y = terms(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (var term : x.entrySet()) {
            dot += term.getValue() * (double) y.getOrDefault(term.getKey(), 0);
        }
        return dot / (norm(x) * norm(y));
    }

    static Map<String, Integer> terms(String text) {
        var counts = new HashMap<String, Integer>();
        if (text == null) {
            return counts;
        }
        try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a string", e);
        }
        return counts;
    }

    private static double norm(Map<String, Integer> vector) {
        double sum = 0;
        for (int n : vector.values()) {
            sum += (double) n * n;
        }
        return Math.sqrt(sum);
    }
}
