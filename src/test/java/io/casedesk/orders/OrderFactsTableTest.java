package io.casedesk.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The order_facts adapter of the OrderStatus port on the application's database (migration V65). */
@EndToEndContext
class OrderFactsTableTest {

    @Autowired
    OrderService orders;

    @Autowired
    OrderStatus status;

    @Test
    void factsAreKept_andTheLatestReplaceEarlierOnes() {
        orders.record("ot-1", "packed", null, null, null);
        orders.record("ot-1", "shipped", "DHL", "https://track.example/ot-1", LocalDate.parse("2026-12-05"));

        var facts = status.find("ot-1").orElseThrow();
        assertThat(facts.status()).isEqualTo("shipped");
        assertThat(facts.carrier()).isEqualTo("DHL");
        assertThat(facts.trackingUrl()).isEqualTo("https://track.example/ot-1");
        assertThat(facts.eta()).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(facts.updatedAt()).isNotNull();
    }

    @Test
    void anUnknownOrder_hasNoFacts() {
        assertThat(status.find("ot-unknown")).isEmpty();
        assertThat(orders.find(" ")).isEmpty();
    }
}
