package io.casedesk.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.cases.CaseMilestone;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.CaseTexts;
import io.casedesk.cases.CaseTexts.CaseText;
import io.casedesk.cases.Channel;
import io.casedesk.knowledge.KnowledgeBase;
import io.casedesk.orders.OrderService;
import io.casedesk.system.TextIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The similar cases on a fixed corpus of resolved cases: the known best match ranks first, a near miss (same
 * checkout words, another problem) below it; never the case itself, never a merged or reopened case. The index is
 * rebuilt from the database when it is missing, catches up from where it stopped, and takes a closed case.
 */
class SimilarCasesTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final AssistProperties PROPERTIES =
            new AssistProperties("", Duration.ofSeconds(30), Duration.ofMinutes(5), 0.2);

    final CaseTexts texts = mock(CaseTexts.class);
    final List<CaseText> database = new ArrayList<>(List.of(
            resolved(
                    101,
                    "Visa card declined at checkout",
                    "At checkout my Visa card is declined, although the bank says all is fine.",
                    "The bank's 3-D Secure check failed; the customer approved the payment in the banking app.",
                    5),
            resolved(
                    102,
                    "Parcel not delivered",
                    "Tracking says delivered but the parcel never arrived.",
                    "Opened a carrier investigation and sent a replacement.",
                    4),
            resolved(
                    103,
                    "Checkout page does not load",
                    "The checkout page spins forever after I press the button.",
                    "Cleared a stuck cart session; the page loads again.",
                    3),
            resolved(
                    104,
                    "Charged twice for one order",
                    "I see two payments for order 5521 on my statement.",
                    "Refunded the duplicate payment.",
                    5),
            resolved(
                    105,
                    "Cannot log in",
                    "The password reset mail never arrives.",
                    "Resent the reset link; it was in the spam folder.",
                    4),
            resolved(
                    106,
                    "Subscription renewal failed",
                    "My subscription did not renew, the card had expired.",
                    "The customer updated the card; the renewal was retried and went through.",
                    5),
            resolved(
                    107,
                    "Mug arrived broken",
                    "The mug was in pieces when I opened the box.",
                    "Sent a replacement mug in stronger packaging.",
                    4),
            resolved(
                    108,
                    "Change my delivery address",
                    "I moved and need the next order sent to my new address.",
                    "Updated the address on the account.",
                    5),
            new CaseText(
                    109,
                    "CASE-000109",
                    CaseStatus.MERGED,
                    "Ana",
                    "Card declined at checkout again",
                    "My Visa card is declined at checkout when I pay.",
                    null,
                    List.of(),
                    null,
                    null,
                    T0),
            resolved(
                    110,
                    "Card declined in the app",
                    "My card was declined when I ordered in the app.",
                    "Asked the customer to approve the payment in the banking app.",
                    2)));
    final CaseText query = new CaseText(
            200,
            "CASE-000200",
            CaseStatus.OPEN,
            "Ben",
            "Payment declined by card",
            "At checkout my Visa card gets declined although the bank says everything is fine.",
            "4521",
            List.of("I tried twice more, still declined."),
            null,
            null,
            null);

    CaseIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void theKnownBestMatchRanksFirst_theNearMissBelowIt_neverItselfNorAMergedCase() {
        index = filled(TextIndex.inMemory());
        // the case asking is itself resolved and indexed: it must not be its own best match
        database.add(resolved(200, query.subject(), query.description(), "Unblocked the card.", 5));

        List<SimilarCase> similar = assist(index).similar("CASE-000200");

        assertThat(similar).extracting(SimilarCase::reference).first().isEqualTo("CASE-000101");
        assertThat(similar)
                .extracting(SimilarCase::reference)
                .contains("CASE-000110", "CASE-000103")
                .doesNotContain("CASE-000200", "CASE-000109", "CASE-000107", "CASE-000108")
                .hasSizeLessThanOrEqualTo(AgentAssist.SHOWN);
        var ranks = similar.stream().map(SimilarCase::reference).toList();
        assertThat(ranks.indexOf("CASE-000103")).as("near miss below the match").isGreaterThan(0);
        assertThat(similar.get(0).resolution()).contains("3-D Secure");
        assertThat(similar.get(0).csat()).isEqualTo(5);
        assertThat(similar).extracting(SimilarCase::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aCaseReopenedSinceItWasIndexed_isNoLongerShown() {
        index = filled(TextIndex.inMemory());
        database.replaceAll(c -> c.id() == 101
                ? new CaseText(
                        101,
                        c.reference(),
                        CaseStatus.IN_PROGRESS,
                        "Ana",
                        c.subject(),
                        c.description(),
                        null,
                        List.of(),
                        c.resolution(),
                        null,
                        null)
                : c);

        assertThat(assist(index).similar("CASE-000200"))
                .extracting(SimilarCase::reference)
                .first()
                .isEqualTo("CASE-000110");
    }

    @Test
    void aMissingIndex_isRebuiltFromTheDatabase_andLaterCatchesUpFromWhereItStopped(@TempDir Path directory) {
        index = new CaseIndex(TextIndex.onDisk(directory), texts, PROPERTIES);
        stubDatabase();
        assertThat(index.catchUp()).isEqualTo(9);
        index.close();

        index = new CaseIndex(TextIndex.onDisk(directory), texts, PROPERTIES);
        assertThat(index.size()).as("kept on disk").isEqualTo(9);
        assertThat(index.search("CASE-000200", "declined in the app", 1))
                .extracting(TextIndex.Hit::id)
                .containsExactly("CASE-000110");
        index.catchUp();
        Instant lastResolution = T0.plusSeconds(110 * 60);
        verify(texts).settledSince(eq(lastResolution.minus(PROPERTIES.catchUpOverlap())), eq(0L), anyInt());
        index.close();
        index = null;
    }

    @Test
    void aClosedCase_isIndexedAfterItsTransaction() {
        index = filled(TextIndex.inMemory());
        CaseText late = resolved(
                300, "Gift card code rejected", "The gift card code says invalid.", "Reactivated the gift card.", 5);
        when(texts.of("CASE-000300")).thenReturn(Optional.of(late));

        index.closed(new CaseMilestone(CaseMilestone.Kind.CLOSED, "CASE-000300", Channel.EMAIL, "P3", null));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> index.search("CASE-000999", "gift card code", 3).stream()
                        .anyMatch(h -> h.id().equals("CASE-000300")));
    }

    @Test
    void anIndexThatCannotBeWritten_failsNothing_theCatchUpLogsIt() {
        CaseTexts broken = mock(CaseTexts.class);
        when(broken.settledSince(any(), anyLong(), anyInt())).thenThrow(new IllegalStateException("database down"));
        index = new CaseIndex(TextIndex.inMemory(), broken, PROPERTIES);

        index.scheduledCatchUp();
        index.closed(new CaseMilestone(CaseMilestone.Kind.CLOSED, "CASE-000300", Channel.EMAIL, "P3", null));

        assertThat(index.size()).isZero();
    }

    @Test
    void aResolutionTimeInTheFuture_doesNotHideTheCasesResolvedAfterIt() {
        database.add(at(
                resolved(400, "Kettle whistle broken", "The kettle no longer whistles.", "Sent a new lid.", 4),
                Instant.now().plus(Duration.ofDays(2000))));
        index = filled(TextIndex.inMemory());
        database.add(at(
                resolved(401, "Toaster burns bread", "The toaster burns every slice.", "Replaced the thermostat.", 5),
                Instant.now()));

        index.catchUp();

        assertThat(index.search("CASE-000999", "toaster burns slice", 3))
                .extracting(TextIndex.Hit::id)
                .contains("CASE-000401");
    }

    private static CaseText at(CaseText c, Instant resolvedAt) {
        return new CaseText(
                c.id(),
                c.reference(),
                c.status(),
                c.customerName(),
                c.subject(),
                c.description(),
                c.orderId(),
                c.messages(),
                c.resolution(),
                c.csat(),
                resolvedAt);
    }

    private CaseIndex filled(TextIndex textIndex) {
        var filled = new CaseIndex(textIndex, texts, PROPERTIES);
        stubDatabase();
        filled.catchUp();
        return filled;
    }

    private void stubDatabase() {
        when(texts.settledSince(any(), anyLong(), anyInt())).thenAnswer(call -> {
            Instant since = call.getArgument(0);
            long afterId = call.getArgument(1);
            return database.stream()
                    .filter(CaseText::settled)
                    .filter(c ->
                            c.resolvedAt().isAfter(since) || (c.resolvedAt().equals(since) && c.id() > afterId))
                    .toList();
        });
        when(texts.of("CASE-000200")).thenReturn(Optional.of(query));
        when(texts.byReference(anyCollection())).thenAnswer(call -> {
            Collection<String> references = call.getArgument(0);
            Map<String, CaseText> now =
                    database.stream().collect(Collectors.toMap(CaseText::reference, Function.identity(), (a, b) -> b));
            return references.stream().filter(now::containsKey).collect(Collectors.toMap(r -> r, now::get));
        });
    }

    AgentAssist assist(CaseIndex caseIndex) {
        KnowledgeBase knowledge = mock(KnowledgeBase.class);
        when(knowledge.bestMatch(any(), anyDouble())).thenReturn(Optional.empty());
        OrderService orders = mock(OrderService.class);
        return new AgentAssist(
                texts,
                caseIndex,
                knowledge,
                orders,
                mock(Drafts.class),
                PROPERTIES,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    static CaseText resolved(long id, String subject, String description, String resolution, Integer csat) {
        return new CaseText(
                id,
                "CASE-%06d".formatted(id),
                CaseStatus.CLOSED,
                "Customer " + id,
                subject,
                description,
                null,
                List.of(),
                resolution,
                csat,
                T0.plusSeconds(id * 60));
    }
}
