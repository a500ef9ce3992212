package io.casedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reply's links to our own articles become links in the HTML mail; other addresses stay text. */
class ReplyTextTest {

    @Test
    void ourArticleLinks_areLinks_otherAddressesText() {
        String reply = "See https://support.example.com/kb/where-is-my-parcel for more.\n"
                + "Not https://evil.example.com/kb/x nor https://support.example.com/other";

        assertThat(ReplyText.parts(reply, "https://support.example.com"))
                .containsExactly(
                        new ReplyText("See ", false),
                        new ReplyText("https://support.example.com/kb/where-is-my-parcel", true),
                        new ReplyText(
                                " for more.\nNot https://evil.example.com/kb/x nor https://support.example.com/other",
                                false));
    }

    @Test
    void aReplyWithoutLinks_isOneText() {
        assertThat(ReplyText.parts("Hello", "https://support.example.com"))
                .isEqualTo(List.of(new ReplyText("Hello", false)));
        assertThat(ReplyText.parts("", "https://support.example.com")).isEmpty();
    }
}
