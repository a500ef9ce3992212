package io.casedesk.assist;

import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What the agent made of the suggested reply, from the normalised edit distance between the draft offered and the
 * reply sent (edits / length of the longer text, whitespace runs counting as one space): sent unchanged, lightly
 * edited (at most {@link #LIGHT_SHARE} of it changed), rewritten, or there was no draft.
 */
enum DraftUse {
    UNCHANGED,
    LIGHT,
    REWRITTEN,
    NONE;

    static final double LIGHT_SHARE = 0.20;

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    static DraftUse of(String draft, String sent) {
        if (draft == null || draft.isBlank()) {
            return NONE;
        }
        String a = normalised(draft);
        String b = normalised(sent);
        if (a.equals(b)) {
            return UNCHANGED;
        }
        return distance(a, b) <= LIGHT_SHARE ? LIGHT : REWRITTEN;
    }

    static double distance(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) DISTANCE.apply(a, b) / longer;
    }

    private static String normalised(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
