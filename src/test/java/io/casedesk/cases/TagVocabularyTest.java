package io.casedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casedesk.cases.TagVocabulary.InvalidTagsException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagVocabularyTest {

    /** As casedesk.tags.vocabulary in application.yaml. */
    private static final List<String> VOCABULARY = List.of(
            "payment-renewal-failure",
            "delivery-delay",
            "checkout-broken",
            "double-charge",
            "refund",
            "login-problem",
            "damaged-item",
            "service-outage",
            "account-change",
            "how-to",
            "other");

    private final TagVocabulary tags = new TagVocabulary(VOCABULARY);

    @Test
    void parsesOneTag() {
        assertThat(tags.parse("refund")).containsExactly("refund");
    }

    @Test
    void parsesCommaSeparatedTagsInTheAgentsOrder() {
        assertThat(tags.parse("delivery-delay,refund,damaged-item"))
                .containsExactly("delivery-delay", "refund", "damaged-item");
    }

    @Test
    void trimsAroundEachTag() {
        assertThat(tags.parse("  delivery-delay ,\trefund\n,  how-to  "))
                .containsExactly("delivery-delay", "refund", "how-to");
    }

    @Test
    void lowerCases() {
        assertThat(tags.parse("Delivery-Delay, REFUND")).containsExactly("delivery-delay", "refund");
    }

    @Test
    void lowerCasesTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            // in Turkish, "I".toLowerCase() is a dotless ı: LOGIN would not be login
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(tags.parse("LOGIN-PROBLEM")).containsExactly("login-problem");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void removesDuplicatesKeepingTheFirst() {
        assertThat(tags.parse("refund, delivery-delay, REFUND, refund , Delivery-Delay"))
                .containsExactly("refund", "delivery-delay");
    }

    @Test
    void ignoresEmptyEntriesBetweenCommas() {
        assertThat(tags.parse(",refund,, ,other,")).containsExactly("refund", "other");
    }

    @Test
    void acceptsTheWholeVocabulary() {
        assertThat(tags.parse(String.join(",", VOCABULARY))).isEqualTo(VOCABULARY);
    }

    @Test
    void rejectsUnknownTagsNamingThemAndListingTheVocabulary() {
        assertThatThrownBy(() -> tags.parse("refund, teleporter-jam, Gremlins"))
                .isInstanceOf(InvalidTagsException.class)
                .hasMessageContaining("teleporter-jam")
                .hasMessageContaining("gremlins")
                .hasMessageContaining(String.join(", ", VOCABULARY))
                .satisfies(e -> assertThat(
                                e.getMessage().substring(0, e.getMessage().indexOf(';')))
                        .doesNotContain("refund"));
    }

    @Test
    void rejectsATagThatIsOnlyAPrefixOfAVocabularyTag() {
        assertThatThrownBy(() -> tags.parse("delivery"))
                .isInstanceOf(InvalidTagsException.class)
                .hasMessageContaining("delivery");
    }

    @Test
    void rejectsOtherSeparatorsAsOneUnknownTag() {
        assertThatThrownBy(() -> tags.parse("refund; delivery-delay"))
                .isInstanceOf(InvalidTagsException.class)
                .hasMessageContaining("refund; delivery-delay");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", ",", " , ,, "})
    void rejectsNoTagsListingTheVocabulary(String input) {
        assertThatThrownBy(() -> tags.parse(input))
                .isInstanceOf(InvalidTagsException.class)
                .hasMessageContaining("at least one tag")
                .hasMessageContaining(String.join(", ", VOCABULARY));
    }
}
