package io.casedesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutreachServiceTest {

    @Test
    void evidenceLongerThanAStringVariableHolds_isCutAtALineEnd_sayingHowMuchIsLeftOut() {
        String lines = IntStream.range(0, 200)
                .mapToObj(i -> "CASE-%06d · a customer's subject that is rather long · customer-%d@example.com"
                        .formatted(i, i))
                .collect(Collectors.joining("\n"));

        String shown = OutreachService.fit(lines);

        assertThat(shown.length()).isLessThanOrEqualTo(4000);
        assertThat(shown).startsWith("CASE-000000").contains("CASE-000010").endsWith("more lines not shown");
        assertThat(shown.lines().filter(l -> l.startsWith("CASE-")).allMatch(l -> l.endsWith("@example.com")))
                .isTrue();
        assertThat(OutreachService.fit("short")).isEqualTo("short");
    }

    @Test
    void extraRecipients_areTrimmedLowerCasedAndEachOnce_andEveryBadOneIsNamed() {
        assertThat(Recipients.parse(" Ana@Example.com, ben@example.com;ana@example.com ,, "))
                .containsExactly("ana@example.com", "ben@example.com");
        assertThat(Recipients.parse(null)).isEmpty();
        assertThatThrownBy(() -> Recipients.parse("ana@example.com, not an address, Ben <ben@example.com>, x@y"))
                .isInstanceOf(InvalidRecipientsException.class)
                .hasMessageContaining("not an address")
                .hasMessageContaining("Ben <ben@example.com>")
                .hasMessageContaining("x@y")
                .satisfies(e ->
                        assertThat(((InvalidRecipientsException) e).invalid()).hasSize(3));
    }
}
