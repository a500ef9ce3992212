package io.casedesk.assist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an agent made of a draft: unchanged, lightly edited (≤ 20 % of it), rewritten, or there was none. */
class DraftUseTest {

    static final String DRAFT = "Thank you for contacting us about \"Order 4521\", Ana.\n\n"
            + "Your order 4521 is in transit with DHL. It should arrive on Friday.\n\n"
            + "Here is what we suggest: wait one more day, then we send a new one.";

    @Test
    void sentAsOffered_orWithOtherLineBreaksAndSpaces_isUnchanged() {
        assertThat(DraftUse.of(DRAFT, DRAFT)).isEqualTo(DraftUse.UNCHANGED);
        assertThat(DraftUse.of(DRAFT, "  " + DRAFT.replace("\n\n", "\n") + "\n"))
                .isEqualTo(DraftUse.UNCHANGED);
    }

    @Test
    void aFewWordsChanged_isLight() {
        String edited = DRAFT.replace("wait one more day", "wait until Monday");
        assertThat(DraftUse.distance(DRAFT, edited)).isBetween(0.0, 0.2);
        assertThat(DraftUse.of(DRAFT, edited)).isEqualTo(DraftUse.LIGHT);
    }

    @Test
    void justOverAFifthChanged_isRewritten_justUnderIsLight() {
        String base = "a".repeat(100);
        assertThat(DraftUse.of(base, "b".repeat(20) + "a".repeat(80))).isEqualTo(DraftUse.LIGHT);
        assertThat(DraftUse.of(base, "b".repeat(21) + "a".repeat(79))).isEqualTo(DraftUse.REWRITTEN);
    }

    @Test
    void anotherText_isRewritten() {
        assertThat(DraftUse.of(DRAFT, "Hi, we refunded you. Bye.")).isEqualTo(DraftUse.REWRITTEN);
    }

    @Test
    void withoutADraft_none() {
        assertThat(DraftUse.of(null, "Hi")).isEqualTo(DraftUse.NONE);
        assertThat(DraftUse.of("  ", "Hi")).isEqualTo(DraftUse.NONE);
    }
}
