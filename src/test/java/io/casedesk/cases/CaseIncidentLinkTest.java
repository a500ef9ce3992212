package io.casedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case is linked to one trend incident, once: the customer of a linked case is never told twice. */
class CaseIncidentLinkTest {

    private final CaseStoreFixture store = CaseStoreFixture.inMemory();
    private final CaseService cases =
            store.caseService(Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC), 0.1);

    @Test
    void linksOnceAndShowsTheIncident() {
        String ana = open("ana@example.com");
        String bo = open("bo@example.com");

        assertThat(cases.linkIncident(ana, 7, "Linked to incident 7 (tag delivery-delay)"))
                .isTrue();
        assertThat(cases.linkIncident(ana, 7, "again")).isFalse();
        assertThat(cases.linkIncident(ana, 8, "another incident")).isFalse();
        assertThat(cases.linkIncident(bo, 7, "Linked to incident 7 (tag delivery-delay)"))
                .isTrue();

        assertThat(cases.get(ana).incidentId()).isEqualTo(7L);
        assertThat(cases.timeline(ana))
                .filteredOn(e -> e.type() == CaseEventType.INCIDENT_LINKED)
                .extracting(CaseEvent::detail)
                .containsExactly("Linked to incident 7 (tag delivery-delay)");
        assertThat(cases.casesLinkedTo(7))
                .containsExactly(new LinkedCase(ana, "ana@example.com"), new LinkedCase(bo, "bo@example.com"));
        assertThat(cases.casesLinkedTo(8)).isEmpty();
        assertThat(CaseView.of(cases.get(ana), List.of()).incident()).isEqualTo(7L);
    }

    @Test
    void aCaseWithoutIncidentShowsNone() {
        String ana = open("ana@example.com");

        assertThat(cases.get(ana).incidentId()).isNull();
        assertThat(CaseView.of(cases.get(ana), List.of()).incident()).isNull();
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertThatThrownBy(() -> cases.linkIncident("CASE-999999", 7, "x")).isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void everyCustomerMessageKeepsItsScore() {
        String ana = open("ana@example.com");

        cases.recordCustomerMessage(ana, "still nothing");

        assertThat(store.jdbc()
                        .sql("SELECT sentiment FROM case_event WHERE type = 'customer-message'")
                        .query(Double.class)
                        .list())
                .containsExactly(0.1);
        assertThat(store.published())
                .as("opened at -0.2, the message scores 0.1: no drop")
                .contains(new CustomerSentimentChanged(ana, 0.1, 0.0));
    }

    @Test
    void aSharpDropIsMeasuredFromTheOpeningMessage() {
        CaseService furious = store.caseService(Clock.systemUTC(), -0.9);
        String ana = open("ana@example.com");

        furious.recordCustomerMessage(ana, "This is the third time. Unacceptable!");

        assertThat(store.published())
                .filteredOn(CustomerSentimentChanged.class::isInstance)
                .singleElement()
                .isEqualTo(new CustomerSentimentChanged(ana, -0.9, 0.7));
        assertThat(furious.get(ana).worstSentiment()).isEqualTo(-0.9);
        assertThat(furious.get(ana).latestSentiment()).isEqualTo(-0.9);
    }

    private String open(String email) {
        return cases.open(new NewCase(
                        Channel.EMAIL,
                        email,
                        "Ana",
                        "standard",
                        "Parcel late",
                        "Where is it?",
                        null,
                        null,
                        List.of("delivery-delay"),
                        -0.2,
                        null))
                .reference();
    }
}
