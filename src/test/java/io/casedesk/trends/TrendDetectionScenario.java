package io.casedesk.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casedesk.cases.CaseStoreFixture;
import io.casedesk.cases.CaseTrends.OpenCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spike detection on synthetic histories, with the real trend-thresholds table and real SQL (H2 here, MariaDB in
 * TrendDetectionMySqlTest). Each test has its own period in 2031 (more than the 7-day baseline apart) and its own
 * keys, so tests on one shared database do not see each other.
 */
abstract class TrendDetectionScenario {

    private static final Instant YEAR = Instant.parse("2031-01-01T12:00:00Z");

    abstract DataSource database();

    private CaseStoreFixture store;
    private TrendHistory history;
    private final List<Object> published = new ArrayList<>();

    @BeforeEach
    void freshPeriod() {
        store = CaseStoreFixture.on(database());
        history = new TrendHistory(store.jdbc());
        var jdbc = store.jdbc();
        // a rerun on a kept database starts from nothing in 2031
        jdbc.sql("DELETE FROM trend_incident WHERE detected_at >= :year")
                .param("year", java.sql.Timestamp.from(YEAR.minus(Duration.ofDays(30))))
                .update();
        String ours = "SELECT id FROM support_case WHERE reference LIKE 'TRD-%'";
        jdbc.sql("DELETE FROM case_event WHERE case_id IN (" + ours + ")").update();
        jdbc.sql("DELETE FROM case_tag WHERE case_id IN (" + ours + ")").update();
        jdbc.sql("DELETE FROM support_case WHERE reference LIKE 'TRD-%'").update();
    }

    private Trends trendsAt(Instant now) {
        return new Trends(
                new IncidentStore(store.jdbc()),
                store.caseTrends(),
                new TableThresholds(),
                new TrendSettings(Duration.ofMinutes(5), Duration.ofHours(1), 7, -0.3, 500, 10),
                Clock.fixed(now, ZoneOffset.UTC),
                published::add);
    }

    /** The test's own moment: far from every other test's window and baseline. */
    private static Instant period(int n) {
        return YEAR.plus(Duration.ofDays(20L * n));
    }

    @Test
    void aTrueSpikeIsOneIncident() {
        Instant now = period(0);
        history.spread(
                7,
                now.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1)),
                "printer-jam",
                null);
        history.spread(6, now.minus(Duration.ofMinutes(55)), now, "printer-jam", null);
        history.openCase(now.minus(Duration.ofMinutes(5)), "other-thing", null);

        List<TrendIncident> opened = trendsAt(now).detect(now);

        assertThat(opened).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IncidentKind.TAG);
            assertThat(i.key()).isEqualTo("printer-jam");
            assertThat(i.status()).isEqualTo(IncidentStatus.DETECTED);
            assertThat(i.caseCount()).isEqualTo(6);
            assertThat(i.baseline()).isCloseTo(7.0 / 168, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(i.windowStart()).isEqualTo(now.minus(Duration.ofHours(1)));
            assertThat(i.windowEnd()).isEqualTo(now);
        });
        assertThat(published)
                .containsExactly(new IncidentDetected(opened.get(0).id(), IncidentKind.TAG, "printer-jam"));

        TrendReport report = trendsAt(now).report(Duration.ofHours(1));
        assertThat(report.tags())
                .extracting(TrendReport.KeyTrend::key, TrendReport.KeyTrend::count, TrendReport.KeyTrend::spike)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("other-thing", 1L, false),
                        org.assertj.core.groups.Tuple.tuple("printer-jam", 6L, true));
        assertThat(report.incidents())
                .singleElement()
                .satisfies(line -> assertThat(line.cases()).isEqualTo(6));
    }

    @Test
    void aSlowRiseIsNoSpike() {
        Instant now = period(1);
        // three an hour all week, eight in the last hour: more, but not three times more
        history.spread(
                3 * 168,
                now.minus(Duration.ofDays(7)).minus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1)),
                "slow-rise",
                "billing");
        history.spread(8, now.minus(Duration.ofMinutes(59)), now, "slow-rise", "billing");

        assertThat(trendsAt(now).detect(now)).isEmpty();
        assertThat(published).isEmpty();
        TrendReport report = trendsAt(now).report(Duration.ofHours(1));
        assertThat(report.tags()).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(8);
            assertThat(t.baseline()).isEqualTo(3.0);
            assertThat(t.spike()).isFalse();
        });
        assertThat(report.categories())
                .singleElement()
                .satisfies(t -> assertThat(t.spike()).isFalse());
    }

    @Test
    void aSpikeThatPersistsIsTheSameIncidentAndLaterCasesJoinIt() {
        Instant now = period(2);
        history.spread(6, now.minus(Duration.ofMinutes(50)), now, "login-broken", "account");
        List<TrendIncident> first = trendsAt(now).detect(now);
        assertThat(first)
                .extracting(TrendIncident::kind)
                .containsExactlyInAnyOrder(IncidentKind.TAG, IncidentKind.CATEGORY);

        Instant next = now.plus(Duration.ofMinutes(5));
        history.spread(3, now, next, "login-broken", "account");
        assertThat(trendsAt(next).detect(next)).isEmpty();
        assertThat(published).hasSize(2);

        Trends trends = trendsAt(next);
        long tagIncident = first.stream()
                .filter(i -> i.kind() == IncidentKind.TAG)
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(trends.openIncidentFor(Set.of("login-broken"), null))
                .map(TrendIncident::id)
                .contains(tagIncident);
        assertThat(trends.openIncidentFor(Set.of("unrelated"), "account"))
                .map(TrendIncident::kind)
                .contains(IncidentKind.CATEGORY);
        assertThat(trends.openIncidentFor(Set.of("unrelated"), "other")).isEmpty();
        assertThat(trends.report(Duration.ofHours(1)).incidents()).hasSize(2);
    }

    @Test
    void aDismissedSpikeDoesNotComeBackUntilItIsOver() {
        Instant now = period(3);
        history.spread(6, now.minus(Duration.ofMinutes(50)), now, "false-alarm", null);
        long id = trendsAt(now).detect(now).get(0).id();
        trendsAt(now).dismiss(id, "a marketing mail asked customers to write");
        assertThat(trendsAt(now).incident(id)).get().satisfies(i -> {
            assertThat(i.status()).isEqualTo(IncidentStatus.DISMISSED);
            assertThat(i.dismissReason()).isEqualTo("a marketing mail asked customers to write");
        });

        Instant next = now.plus(Duration.ofMinutes(5));
        assertThat(trendsAt(next).detect(next))
                .as("still spiking, still dismissed")
                .isEmpty();
        assertThat(trendsAt(next).openIncidentFor(Set.of("false-alarm"), null)).isEmpty();

        Instant quiet = now.plus(Duration.ofHours(2));
        assertThat(trendsAt(quiet).detect(quiet)).as("the spike is over").isEmpty();

        Instant again = now.plus(Duration.ofHours(5));
        history.spread(6, again.minus(Duration.ofMinutes(50)), again, "false-alarm", null);
        assertThat(trendsAt(again).detect(again))
                .as("a new spike after a quiet cycle is a new incident")
                .singleElement()
                .satisfies(i -> assertThat(i.id()).isNotEqualTo(id));
    }

    @Test
    void aNegativeSentimentSpikeIsAnIncidentWithItsMessagesAsEvidence() {
        Instant now = period(4);
        // the week before: 60 messages, 6 of them negative (a tenth)
        for (int i = 0; i < 60; i++) {
            history.openCase(now.minus(Duration.ofHours(2 + i * 2L)), null, null, i % 10 == 0 ? -0.6 : 0.3, "closed");
        }
        // the last hour: 12 messages, 8 negative (4 opening, 4 later ones)
        var negatives = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            negatives.add(history.openCase(now.minus(Duration.ofMinutes(50 - i)), null, null, -0.7, "open"));
        }
        for (int i = 0; i < 4; i++) {
            history.openCase(now.minus(Duration.ofMinutes(40 - i)), null, null, 0.4, "open");
        }
        for (int i = 0; i < 4; i++) {
            history.message(negatives.get(i), now.minus(Duration.ofMinutes(20 - i)), "This is outrageous " + i, -0.8);
        }

        List<TrendIncident> opened = trendsAt(now).detect(now);

        assertThat(opened).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(IncidentKind.SENTIMENT);
            assertThat(i.key()).isEqualTo(Trends.NEGATIVE);
            assertThat(i.caseCount()).isEqualTo(8);
            assertThat(i.baseline()).isEqualTo(0.1);
        });
        Trends trends = trendsAt(now);
        IncidentEvidence evidence = trends.evidence(opened.get(0).id());
        assertThat(evidence.cases())
                .extracting(IncidentEvidence.EvidenceCase::reference)
                .containsExactlyElementsOf(negatives);
        assertThat(evidence.customers()).hasSize(4);
        assertThat(evidence.samples())
                .hasSize(8)
                .allSatisfy(s -> assertThat(s.sentiment()).isLessThan(-0.3))
                .extracting(IncidentEvidence.SampleMessage::text)
                .contains("This is outrageous 3");
        assertThat(evidence.sentimentCurve()).hasSize(25);
        assertThat(evidence.sentimentCurve().stream()
                        .mapToInt(IncidentEvidence.SentimentPoint::negative)
                        .sum())
                .isEqualTo(8 + 2); // the hour's eight and two of the day before (2 h and 22 h before)
        var report = trends.report(Duration.ofHours(1)).sentiment();
        assertThat(report.messages()).isEqualTo(12);
        assertThat(report.negativeShare()).isCloseTo(8.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.spike()).isTrue();
        assertThat(trends.affectedCustomerEmails(opened.get(0).id())).hasSize(4);
        assertThat(trends.unlinkedOpenCases(opened.get(0).id(), 0, 3))
                .extracting(OpenCase::reference)
                .as("the open cases with a negative message in the window, in the order of ids")
                .containsExactly(negatives.get(0), negatives.get(1), negatives.get(2));
    }

    @Test
    void evidenceAndRecipientsCoverTheWindowAndTheLinkedCases() {
        Instant now = period(5);
        List<String> inWindow = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inWindow.add(history.openCase(now.minus(Duration.ofMinutes(30 - i)), "card-declined", null));
        }
        String oldOpen = history.openCase(now.minus(Duration.ofDays(3)), "card-declined", null);
        String oldClosed = history.openCase(now.minus(Duration.ofDays(3)), "card-declined", null, 0.1, "closed");
        long id = trendsAt(now).detect(now).get(0).id();
        store.caseService(Clock.fixed(now, ZoneOffset.UTC), 0).linkIncident(oldOpen, id, "Linked");

        Trends trends = trendsAt(now);
        List<OpenCase> first = trends.unlinkedOpenCases(id, 0, 2);
        assertThat(first).extracting(OpenCase::reference).containsExactly(inWindow.get(0), inWindow.get(1));
        assertThat(trends.unlinkedOpenCases(id, first.get(1).id(), 10))
                .extracting(OpenCase::reference)
                .as("the next chunk goes on after the last; neither the linked case nor the closed one is left")
                .containsExactly(inWindow.get(2), inWindow.get(3), inWindow.get(4));
        IncidentEvidence evidence = trends.evidence(id);
        assertThat(evidence.cases())
                .extracting(IncidentEvidence.EvidenceCase::reference)
                .containsExactly(
                        oldOpen, inWindow.get(0), inWindow.get(1), inWindow.get(2), inWindow.get(3), inWindow.get(4));
        assertThat(evidence.first()).isEqualTo(now.minus(Duration.ofDays(3)));
        assertThat(evidence.latest()).isEqualTo(now.minus(Duration.ofMinutes(26)));
        assertThat(evidence.samples()).hasSize(5);
        assertThat(trends.affectedCustomerEmails(id)).hasSize(6);
        assertThat(trends.report(Duration.ofHours(1)).incidents())
                .singleElement()
                .satisfies(line -> assertThat(line.cases()).isEqualTo(6));
    }

    @Test
    void aCategoryIncidentLinksItsOpenCasesOfAnyTime_aChunkAtATime() {
        Instant now = period(8);
        String older = history.openCase(now.minus(Duration.ofDays(20)), null, "smart-lock");
        String closed = history.openCase(now.minus(Duration.ofDays(20)), null, "smart-lock", 0.1, "resolved");
        history.spread(6, now.minus(Duration.ofMinutes(50)), now, null, "smart-lock");
        String ofAnotherIncident = history.openCase(now.minus(Duration.ofMinutes(5)), null, "smart-lock");
        Trends trends = trendsAt(now);
        long id = trends.detect(now).stream()
                .filter(i -> i.kind() == IncidentKind.CATEGORY)
                .findFirst()
                .orElseThrow()
                .id();
        store.caseService(Clock.fixed(now, ZoneOffset.UTC), 0).linkIncident(ofAnotherIncident, id + 1000, "Linked");

        var chunks = new ArrayList<List<OpenCase>>();
        long after = 0;
        List<OpenCase> chunk;
        while (!(chunk = trends.unlinkedOpenCases(id, after, 4)).isEmpty()) {
            chunks.add(chunk);
            after = chunk.get(chunk.size() - 1).id();
        }

        assertThat(chunks).extracting(List::size).containsExactly(4, 3);
        List<String> linkable =
                chunks.stream().flatMap(List::stream).map(OpenCase::reference).toList();
        assertThat(linkable)
                .hasSize(7)
                .startsWith(older)
                .doesNotContain(closed, ofAnotherIncident)
                .doesNotHaveDuplicates();
        assertThat(trends.affectedCustomerEmails(id))
                .as("whom the announcement is for: the window's seven (also the one of another incident) and the older"
                        + " open one")
                .hasSize(8);
    }

    @Test
    void anIncidentMovesThroughItsLifecycleOnce() {
        Instant now = period(6);
        history.spread(5, now.minus(Duration.ofMinutes(50)), now, "lifecycle", null);
        Trends trends = trendsAt(now);
        long id = trends.detect(now).get(0).id();

        trends.confirm(id);
        assertThatThrownBy(() -> trends.confirm(id)).isInstanceOf(IllegalStateException.class);
        trends.close(id);
        assertThat(trends.incident(id)).get().satisfies(i -> {
            assertThat(i.status()).isEqualTo(IncidentStatus.CLOSED);
            assertThat(i.closedAt()).isEqualTo(now);
        });
        assertThatThrownBy(() -> trends.dismiss(id, "too late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> trends.confirm(987654321L)).isInstanceOf(IncidentNotFoundException.class);
        assertThat(trends.openIncidentFor(Set.of("lifecycle"), null)).isEmpty();
    }

    @Test
    void twoNodesNeverOpenTwoIncidentsForOneKey() {
        Instant now = period(7);
        var store1 = new IncidentStore(store.jdbc());
        var store2 = new IncidentStore(store.jdbc());

        assertThat(store1.open(IncidentKind.TAG, "race", now, now.minus(Duration.ofHours(1)), 5, 0, "volume"))
                .isPresent();
        assertThat(store2.open(IncidentKind.TAG, "race", now, now.minus(Duration.ofHours(1)), 5, 0, "volume"))
                .isEmpty();
        assertThat(store2.open(IncidentKind.CATEGORY, "race", now, now.minus(Duration.ofHours(1)), 5, 0, "volume"))
                .as("another kind, another key")
                .isPresent();
    }
}
