package io.casedesk.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER, the lexicon- and rule-based sentiment model of Hutto and Gilbert (ICWSM 2014), written after the rules of its
 * reference implementation, the Python {@code vaderSentiment} 3.3.2, with that version's lexicon
 * ({@code sentiment/vader_lexicon.txt}, MIT). Only the compound score is computed.
 *
 * <p>Where the reference's code behaves oddly we follow it, because its published scores are what VADER's users
 * calibrate their thresholds on; the one exception is the "but" rule (see {@link #weighAroundBut}).
 *
 * <p>Not implemented: the reference replaces emoji by their English descriptions (its {@code emoji_utf8_lexicon})
 * before scoring; here an emoji is a token outside the lexicon and scores nothing.
 *
 * <p>Immutable once built, so one instance serves all threads.
 */
final class Vader {

    private static final String LEXICON = "/sentiment/vader_lexicon.txt";

    // The empirically derived constants of the paper.
    private static final double BOOST = 0.293;
    private static final double CAPS_EMPHASIS = 0.733;
    private static final double NEGATION = -0.74;
    private static final double EXCLAMATION_EMPHASIS = 0.292;
    private static final int MAX_EXCLAMATIONS = 4;
    private static final double QUESTION_EMPHASIS = 0.18;
    private static final int MAX_SCALED_QUESTIONS = 3;
    private static final double MANY_QUESTIONS_EMPHASIS = 0.96;
    private static final double NORMALISATION_ALPHA = 15;
    /** A booster's effect by its distance (1, 2, 3 words) before the word it modifies. */
    private static final double[] BOOST_BY_DISTANCE = {1.0, 0.95, 0.9};

    private static final double NEVER_SO_EMPHASIS = 1.25;
    private static final double BEFORE_BUT = 0.5;
    private static final double AFTER_BUT = 1.5;

    private static final Set<String> NEGATIONS = Set.of(
            "aint",
            "arent",
            "cannot",
            "cant",
            "couldnt",
            "darent",
            "didnt",
            "doesnt",
            "ain't",
            "aren't",
            "can't",
            "couldn't",
            "daren't",
            "didn't",
            "doesn't",
            "dont",
            "hadnt",
            "hasnt",
            "havent",
            "isnt",
            "mightnt",
            "mustnt",
            "neither",
            "don't",
            "hadn't",
            "hasn't",
            "haven't",
            "isn't",
            "mightn't",
            "mustn't",
            "neednt",
            "needn't",
            "never",
            "none",
            "nope",
            "nor",
            "not",
            "nothing",
            "nowhere",
            "oughtnt",
            "shant",
            "shouldnt",
            "uhuh",
            "wasnt",
            "werent",
            "oughtn't",
            "shan't",
            "shouldn't",
            "uh-uh",
            "wasn't",
            "weren't",
            "without",
            "wont",
            "wouldnt",
            "won't",
            "wouldn't",
            "rarely",
            "seldom",
            "despite");

    /** Degree adverbs that raise the intensity of the sentiment word they precede. */
    private static final Set<String> INTENSIFIERS = Set.of(
            "absolutely",
            "amazingly",
            "awfully",
            "completely",
            "considerable",
            "considerably",
            "decidedly",
            "deeply",
            "effing",
            "enormous",
            "enormously",
            "entirely",
            "especially",
            "exceptional",
            "exceptionally",
            "extreme",
            "extremely",
            "fabulously",
            "flipping",
            "flippin",
            "frackin",
            "fracking",
            "fricking",
            "frickin",
            "frigging",
            "friggin",
            "fully",
            "fuckin",
            "fucking",
            "fuggin",
            "fugging",
            "greatly",
            "hella",
            "highly",
            "hugely",
            "incredible",
            "incredibly",
            "intensely",
            "major",
            "majorly",
            "more",
            "most",
            "particularly",
            "purely",
            "quite",
            "really",
            "remarkably",
            "so",
            "substantially",
            "thoroughly",
            "total",
            "totally",
            "tremendous",
            "tremendously",
            "uber",
            "unbelievably",
            "unusually",
            "utter",
            "utterly",
            "very");

    /** Degree adverbs that lower it; the two-word ones only count through {@link #specialCases}. */
    private static final Set<String> DAMPENERS = Set.of(
            "almost",
            "barely",
            "hardly",
            "just enough",
            "kind of",
            "kinda",
            "kindof",
            "kind-of",
            "less",
            "little",
            "marginal",
            "marginally",
            "occasional",
            "occasionally",
            "partly",
            "scarce",
            "scarcely",
            "slight",
            "slightly",
            "somewhat",
            "sort of",
            "sorta",
            "sortof",
            "sort-of");

    /** Phrases whose valence replaces that of the lexicon word inside them. */
    private static final Map<String, Double> SPECIAL_CASES = Map.of(
            "the shit",
            3.0,
            "the bomb",
            3.0,
            "bad ass",
            1.5,
            "badass",
            1.5,
            "bus stop",
            0.0,
            "yeah right",
            -2.0,
            "kiss of death",
            -1.5,
            "to die for",
            3.0,
            "beating heart",
            3.1,
            "broken heart",
            -2.9);

    /** What Python's {@code string.punctuation} holds: the reference strips these off the ends of a word. */
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Map<String, Double> lexicon;

    private Vader(Map<String, Double> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
    }

    /** The model with the published lexicon, read once. */
    static Vader standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Vader INSTANCE = new Vader(readLexicon());
    }

    /** The compound score in [-1, 1]: the sum of the words' valences, after the rules, normalised. */
    double compound(String text) {
        Words words = new Words(tokens(text));
        if (words.size() == 0) {
            return 0.0;
        }
        double[] valences = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            boolean modifier = boost(words.lower(i)) != 0
                    || (words.is(i, "kind") && i + 1 < words.size() && words.is(i + 1, "of"));
            valences[i] = modifier ? 0.0 : valence(words, i);
        }
        weighAroundBut(words, valences);

        double sum = 0.0;
        for (double valence : valences) {
            sum += valence;
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        return normalise(sum);
    }

    private double valence(Words words, int i) {
        if (!words.inLexicon(i)) {
            return 0.0;
        }
        double lexical = words.lexical(i);
        double valence = lexical;
        // "no" before a sentiment word negates that word instead of counting as a negative word itself
        if (words.is(i, "no") && i + 1 < words.size() && words.inLexicon(i + 1)) {
            valence = 0.0;
        }
        if (i > 0 && words.is(i - 1, "no")
                || i > 1 && words.is(i - 2, "no")
                || i > 2 && words.is(i - 3, "no") && (words.is(i - 1, "or") || words.is(i - 1, "nor"))) {
            valence = lexical * NEGATION;
        }
        if (words.shouted(i)) {
            valence += valence > 0 ? CAPS_EMPHASIS : -CAPS_EMPHASIS;
        }
        // up to three words back; a sentiment word there counts on its own and modifies nothing
        for (int distance = 1; distance <= BOOST_BY_DISTANCE.length && distance <= i; distance++) {
            if (words.inLexicon(i - distance)) {
                continue;
            }
            valence += scalar(words, i - distance, valence) * BOOST_BY_DISTANCE[distance - 1];
            valence = negation(words, i, distance, valence);
            if (distance == 3) {
                valence = specialCases(words, i, valence);
            }
        }
        return leastNegation(words, i, valence);
    }

    /** What the booster or dampener at {@code j} adds to a word of the given valence. */
    private static double scalar(Words words, int j, double valence) {
        double boost = boost(words.lower(j));
        if (boost == 0) {
            return 0.0;
        }
        double scalar = valence < 0 ? -boost : boost;
        if (words.shouted(j)) {
            scalar += valence > 0 ? CAPS_EMPHASIS : -CAPS_EMPHASIS;
        }
        return scalar;
    }

    private static double boost(String lower) {
        if (INTENSIFIERS.contains(lower)) {
            return BOOST;
        }
        return DAMPENERS.contains(lower) ? -BOOST : 0.0;
    }

    /** Negation by the word {@code distance} words before {@code i}, with "never so/this" and "without doubt". */
    private static double negation(Words words, int i, int distance, double valence) {
        switch (distance) {
            case 1:
                return negates(words.lower(i - 1)) ? valence * NEGATION : valence;
            case 2:
                if (words.is(i - 2, "never") && soOrThis(words, i - 1)) {
                    return valence * NEVER_SO_EMPHASIS;
                }
                if (words.is(i - 2, "without") && words.is(i - 1, "doubt")) {
                    return valence;
                }
                return negates(words.lower(i - 2)) ? valence * NEGATION : valence;
            default:
                // The reference's condition lets "so"/"this" right before the word emphasise it on its own, with
                // or without "never" three back (operator precedence); scores follow the reference.
                if (words.is(i - 3, "never") && soOrThis(words, i - 2) || soOrThis(words, i - 1)) {
                    return valence * NEVER_SO_EMPHASIS;
                }
                if (words.is(i - 3, "without") && (words.is(i - 2, "doubt") || words.is(i - 1, "doubt"))) {
                    return valence;
                }
                return negates(words.lower(i - 3)) ? valence * NEGATION : valence;
        }
    }

    private static boolean soOrThis(Words words, int j) {
        return words.is(j, "so") || words.is(j, "this");
    }

    private static boolean negates(String lower) {
        return NEGATIONS.contains(lower) || lower.contains("n't");
    }

    /**
     * Special-case phrases around the word at {@code i} (at least 3), and the two-word dampeners ("kind of") before
     * it; the reference only looks here when the word three back is outside the lexicon.
     */
    private static double specialCases(Words words, int i, double valence) {
        String w0 = words.lower(i);
        String w1 = words.lower(i - 1);
        String w2 = words.lower(i - 2);
        String w3 = words.lower(i - 3);
        String w3w2w1 = w3 + ' ' + w2 + ' ' + w1;
        String w3w2 = w3 + ' ' + w2;
        String w2w1 = w2 + ' ' + w1;
        for (String phrase : List.of(w1 + ' ' + w0, w2w1 + ' ' + w0, w2w1, w3w2w1, w3w2)) {
            Double special = SPECIAL_CASES.get(phrase);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (i + 1 < words.size()) {
            valence = SPECIAL_CASES.getOrDefault(w0 + ' ' + words.lower(i + 1), valence);
        }
        if (i + 2 < words.size()) {
            valence = SPECIAL_CASES.getOrDefault(w0 + ' ' + words.lower(i + 1) + ' ' + words.lower(i + 2), valence);
        }
        // unlike a one-word booster, a phrase's effect keeps its sign whatever the word's valence
        for (String phrase : List.of(w3w2w1, w3w2, w2w1)) {
            valence += boost(phrase);
        }
        return valence;
    }

    /** "least" before a word negates it, except in "at least" and "very least". */
    private static double leastNegation(Words words, int i, double valence) {
        if (i == 0 || words.inLexicon(i - 1) || !words.is(i - 1, "least")) {
            return valence;
        }
        if (i > 1 && (words.is(i - 2, "at") || words.is(i - 2, "very"))) {
            return valence;
        }
        return valence * NEGATION;
    }

    /**
     * Contrast: the words before the first "but" count half, those after it one and a half times. The reference looks
     * each score up again by its value ({@code list.index}), so when a score equals one already scaled the wrong
     * word may be scaled; we scale by position, as the paper describes.
     */
    private static void weighAroundBut(Words words, double[] valences) {
        int but = -1;
        for (int i = 0; i < words.size() && but < 0; i++) {
            if (words.is(i, "but")) {
                but = i;
            }
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < valences.length; i++) {
            if (i < but) {
                valences[i] *= BEFORE_BUT;
            } else if (i > but) {
                valences[i] *= AFTER_BUT;
            }
        }
    }

    /** Exclamation marks (up to 4) and question marks (2 or more) anywhere in the text intensify it. */
    private static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_EMPHASIS;
        if (questions > MAX_SCALED_QUESTIONS) {
            emphasis += MANY_QUESTIONS_EMPHASIS;
        } else if (questions > 1) {
            emphasis += questions * QUESTION_EMPHASIS;
        }
        return emphasis;
    }

    private static double normalise(double sum) {
        double normalised = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
        return Math.max(-1.0, Math.min(1.0, normalised));
    }

    /**
     * Splits on whitespace and strips ASCII punctuation off both ends of each token, unless that leaves two characters
     * or fewer: then the token was probably an emoticon (":)", ":D") and stays as written. (This is 3.3.2's rule; the
     * older releases dropped one-letter tokens instead, 3.3.2 keeps them, so "a" and "I" count as words.)
     */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || isPythonWhitespace(text.charAt(i));
            if (space && start >= 0) {
                tokens.add(stripPunctuation(text.substring(start, i)));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** The characters Python's {@code str.split()} splits on (Java's own test leaves out no-break spaces). */
    private static boolean isPythonWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String stripPunctuation(String token) {
        int begin = 0;
        int end = token.length();
        while (begin < end && ASCII_PUNCTUATION.indexOf(token.charAt(begin)) >= 0) {
            begin++;
        }
        while (end > begin && ASCII_PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.codePointCount(begin, end) <= 2 ? token : token.substring(begin, end);
    }

    /** Python's {@code str.isupper()}: some cased letter, and all cased letters upper case. */
    private static boolean isUpper(String token) {
        boolean upper = false;
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
            i += Character.charCount(c);
        }
        return upper;
    }

    private static Map<String, Double> readLexicon() {
        InputStream stream = Vader.class.getResourceAsStream(LEXICON);
        if (stream == null) {
            throw new IllegalStateException("VADER lexicon " + LEXICON + " is not on the class path");
        }
        // the file repeats a few entries (e.g. "lol"); the later line wins, as in the reference
        Map<String, Double> lexicon = new HashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.strip().split("\t");
                if (fields.length >= 2) {
                    lexicon.put(fields[0], Double.parseDouble(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("VADER lexicon " + LEXICON + " could not be read", e);
        }
        return lexicon;
    }

    /** One text's words with what the rules ask of them, looked up once. */
    private final class Words {

        private final String[] lower;
        private final Double[] lexical;
        /** ALL CAPS in a text that also has other words: emphasis (the reference's "cap differential"). */
        private final boolean[] shouted;

        Words(List<String> words) {
            int size = words.size();
            lower = new String[size];
            lexical = new Double[size];
            boolean[] upper = new boolean[size];
            int upperCount = 0;
            for (int i = 0; i < size; i++) {
                lower[i] = words.get(i).toLowerCase(Locale.ROOT);
                lexical[i] = lexicon.get(lower[i]);
                upper[i] = isUpper(words.get(i));
                upperCount += upper[i] ? 1 : 0;
            }
            boolean mixedCase = upperCount > 0 && upperCount < size;
            shouted = mixedCase ? upper : new boolean[size];
        }

        int size() {
            return lower.length;
        }

        String lower(int i) {
            return lower[i];
        }

        boolean is(int i, String lowerWord) {
            return lower[i].equals(lowerWord);
        }

        boolean inLexicon(int i) {
            return lexical[i] != null;
        }

        double lexical(int i) {
            return lexical[i];
        }

        boolean shouted(int i) {
            return shouted[i];
        }
    }
}
