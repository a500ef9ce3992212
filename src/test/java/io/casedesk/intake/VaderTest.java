package io.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaderTest {

    private final Vader vader = Vader.standard();

    /** The compound scores published in the vaderSentiment README (3.3.2), all reproduced. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            VADER is smart, handsome, and funny.                                                | 0.8316
            VADER is smart, handsome, and funny!                                                | 0.8439
            VADER is very smart, handsome, and funny.                                           | 0.8545
            VADER is VERY SMART, handsome, and FUNNY.                                           | 0.9227
            VADER is VERY SMART, handsome, and FUNNY!!!                                         | 0.9342
            VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!                            | 0.9469
            VADER is not smart, handsome, nor funny.                                            | -0.7424
            The book was good.                                                                  | 0.4404
            At least it isn't a horrible book.                                                  | 0.431
            The book was only kind of good.                                                     | 0.3832
            The plot was good, but the characters are uncompelling and the dialog is not great. | -0.7042
            Today SUX!                                                                          | -0.5461
            Today only kinda sux! But I'll get by, lol                                          | 0.5249
            Make sure you :) or :D today!                                                       | 0.8633
            Not bad at all                                                                      | 0.431
            """)
    void publishedReferenceScores(String text, double compound) {
        assertThat(vader.compound(text)).isCloseTo(compound, within(0.001));
    }

    /**
     * The README's emoji example (published 0.7003; the 3.3.2 code, with its later heart entries, gives 0.875): we do
     * not translate emoji into their descriptions, and the rest of the sentence holds no lexicon word.
     */
    @Test
    void emojiAreNotScored() {
        assertThat(vader.compound("Catch utf-8 emoji such as \uD83D\uDC98 and \uD83D\uDC8B and \uD83D\uDE01"))
                .isZero();
    }

    /**
     * The reference's demo sentences for its special rules, with the scores vaderSentiment 3.3.2 gives them (run, not
     * published): "never" / "never this", special-case phrases ("the shit", "bad ass", "badass"), boosters, "without
     * a doubt", "at least" / "the least".
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Sentiment analysis has never been good.                                | -0.3412
            Sentiment analysis has never been this good!                           | 0.5672
            Most automated sentiment analysis tools are shit.                      | -0.5574
            With VADER, sentiment analysis is the shit!                            | 0.6476
            Other sentiment analysis tools can be quite bad.                       | -0.5849
            On the other hand, VADER is quite bad ass                              | 0.8020
            VADER is such a badass!                                                | 0.4003
            Without a doubt, excellent idea.                                       | 0.7013
            Roger Dodger is one of the most compelling variations on this theme.   | 0.2944
            Roger Dodger is at least compelling as a variation on the theme.       | 0.2263
            Roger Dodger is one of the least compelling variations on this theme.  | -0.1695
            Not such a badass after all.                                           | -0.2584
            """)
    void referenceDemoSentences(String text, double compound) {
        assertThat(vader.compound(text)).isCloseTo(compound, within(0.001));
    }

    /** More rules, again with the scores of vaderSentiment 3.3.2. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            There is no help.              | -0.3089
            There is no good answer.       | -0.3412
            The reply was sort of helpful. | 0.3626
            Why???                         | 0.0
            Why is this so bad???          | -0.7211
            Why is this so bad????         | -0.7544
            Great!!!!!!                    | 0.7405
            I am VERY angry                | -0.6515
            I AM VERY ANGRY                | -0.5563
            """)
    void noDampenersPunctuationAndCapitals(String text, double compound) {
        assertThat(vader.compound(text)).isCloseTo(compound, within(0.001));
    }

    /**
     * 3.3.2 strips punctuation off a word only when more than two characters remain, to keep emoticons whole; so "ok."
     * stays "ok." and is no lexicon word. We keep that, as the reference scores.
     */
    @Test
    void punctuationStaysOnShortWordsAsInTheReference() {
        assertThat(vader.compound("It is ok")).isCloseTo(0.2960, within(0.001));
        assertThat(vader.compound("It is ok.")).isZero();
        assertThat(vader.compound("It is good.")).isEqualTo(vader.compound("It is good"));
    }

    /**
     * Our one deliberate difference: words before "but" count half and after it one and a half times, by position.
     * The reference finds each score by its value, so here the 1.2 of "ok" halves the earlier "kind" (2.4, already
     * halved to 1.2) a second time and stays unweighted itself: it gives 0.4215.
     */
    @Test
    void butWeighsByPosition() {
        double kindHalved = 2.4 * 0.5;
        double okOneAndAHalf = 1.2 * 1.5;
        double sum = kindHalved + okOneAndAHalf;

        assertThat(vader.compound("The staff were kind but the food was ok"))
                .isCloseTo(sum / Math.sqrt(sum * sum + 15), within(1e-9))
                .isCloseTo(0.6124, within(0.001));
    }

    @Test
    void tenThousandCharactersInWellUnderASecond() {
        String sentence = "I am not happy, the kettle is VERY broken but the support was kind of helpful!!! ";
        String text = sentence.repeat(10_000 / sentence.length() + 1);
        vader.compound(sentence);

        assertTimeoutPreemptively(Duration.ofMillis(500), () -> vader.compound(text));
    }

    @Test
    void oneInstanceScoresManyTextsAtOnce() {
        List<String> texts = List.of("The book was good.", "Not bad at all", "Today SUX!", "Where is my parcel?");
        List<Double> alone = texts.stream().map(vader::compound).toList();

        IntStream.range(0, 2_000).parallel().forEach(i -> {
            int t = i % texts.size();
            assertThat(vader.compound(texts.get(t))).isEqualTo(alone.get(t));
        });
    }
}
