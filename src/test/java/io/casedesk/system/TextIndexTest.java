package io.casedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.system.TextIndex.Hit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** English analysis (stems, stop words), field boosts, exclusions and the least share of matching words. */
class TextIndexTest {

    static final Map<String, Float> BOOSTS = Map.of("title", 3f, "body", 1f);

    @Test
    void stemsAndStopWords_matchWhatCustomersWrite() {
        try (TextIndex index = TextIndex.inMemory()) {
            index.put("a", Map.of("title", "Refunds of cancelled orders", "body", "How refunding works."));
            index.put("b", Map.of("title", "My account", "body", "I was there and it was all mine."));
            index.commit(Map.of("upTo", "1"));

            assertThat(index.search("I want my order refunded", BOOSTS, List.of(), 5))
                    .extracting(Hit::id)
                    .containsExactly("a");
            assertThat(index.terms("I was refunding my orders")).containsExactly("refund", "order");
            assertThat(index.note()).containsEntry("upTo", "1");
        }
    }

    @Test
    void aTitleMatchOutranksABodyMatch_andExcludedIdsNeverMatch() {
        try (TextIndex index = TextIndex.inMemory()) {
            index.put("body", Map.of("title", "Shipping", "body", "A voucher can be used once."));
            index.put("title", Map.of("title", "Voucher", "body", "How to use it."));
            index.commit(Map.of());

            assertThat(index.search("voucher", BOOSTS, List.of(), 5))
                    .extracting(Hit::id)
                    .containsExactly("title", "body");
            assertThat(index.search("voucher", BOOSTS, List.of("title"), 5))
                    .extracting(Hit::id)
                    .containsExactly("body");
        }
    }

    @Test
    void withALeastShare_aDocumentWithOneCommonWordDoesNotMatch() {
        try (TextIndex index = TextIndex.inMemory()) {
            index.put("voucher", Map.of("title", "Gift voucher code refused", "body", "Activate the voucher first."));
            index.put("code", Map.of("title", "Two-factor code", "body", "The login code comes by SMS."));
            index.commit(Map.of());
            String text = "My gift voucher code is refused at the till";

            assertThat(index.search(text, BOOSTS, List.of(), 5, 0.5))
                    .extracting(Hit::id)
                    .containsExactly("voucher");
            assertThat(index.search(text, BOOSTS, List.of(), 5))
                    .extracting(Hit::id)
                    .containsExactly("voucher", "code");
        }
    }
}
