package io.casedesk.cases;

import io.casedesk.system.TextIndex;
import java.util.Map;

/**
 * How alike two texts are: the cosine of their term-frequency vectors after the analysis the similar-case search uses
 * ({@link TextIndex#termCounts}: lower case, stop words removed, Porter stems), so "parcels arrived late" and "my
 * parcel is arriving late" share their terms.
 * 0 when they share none, 1 for the same terms in the same proportions.
 */
final class TextSimilarity {

    private TextSimilarity() {}

    static double cosine(String a, String b) {
        Map<String, Integer> x = TextIndex.termCounts(a);
        Map<String, Integer> y = TextIndex.termCounts(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (var term : x.entrySet()) {
            dot += term.getValue() * (double) y.getOrDefault(term.getKey(), 0);
        }
        return dot / (norm(x) * norm(y));
    }

    private static double norm(Map<String, Integer> vector) {
        double sum = 0;
        for (int n : vector.values()) {
            sum += (double) n * n;
        }
        return Math.sqrt(sum);
    }
}
