package io.casedesk.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.cases.AgentReplied;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.CaseTexts;
import io.casedesk.cases.CaseTexts.CaseText;
import io.casedesk.knowledge.Article;
import io.casedesk.knowledge.KnowledgeBase;
import io.casedesk.orders.OrderFacts;
import io.casedesk.orders.OrderService;
import io.casedesk.system.TextIndex.Hit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The suggested reply from the case's facts: the customer's name, the order and its tracking and ETA when the order
 * is known; the body from the best article when it matches well enough, else from the best similar case's
 * resolution; what a customer typed is only ever text in it. And the draft offered on a task is what the agent's
 * reply is compared with.
 */
class SuggestedReplyTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    final CaseTexts texts = mock(CaseTexts.class);
    final CaseIndex index = mock(CaseIndex.class);
    final KnowledgeBase knowledge = mock(KnowledgeBase.class);
    final OrderService orders = mock(OrderService.class);
    final Drafts drafts = mock(Drafts.class);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AgentAssist assist = new AgentAssist(
            texts,
            index,
            knowledge,
            orders,
            drafts,
            SimilarCasesTest.PROPERTIES,
            Clock.fixed(NOW, ZoneOffset.UTC),
            registry);

    final Article parcelArticle = new Article(
            7,
            "where-is-my-parcel",
            "Where is my parcel?",
            "Every parcel has a tracking link in the shipping mail.\n\nStill nothing after 5 days? Reply to us.",
            List.of("delivery-delay"),
            3L,
            NOW,
            NOW);

    @BeforeEach
    void aPastCaseThatWasLikeIt() {
        when(index.search(anyString(), anyString(), anyInt())).thenReturn(List.of(new Hit("CASE-000050", 6.5f)));
        when(texts.byReference(anyCollection()))
                .thenReturn(Map.of(
                        "CASE-000050",
                        new CaseText(
                                50,
                                "CASE-000050",
                                CaseStatus.CLOSED,
                                "Zoe",
                                "Parcel late",
                                "Where is it?",
                                null,
                                List.of(),
                                "Asked the carrier to deliver it the next day.",
                                5,
                                NOW)));
        when(knowledge.url(parcelArticle)).thenReturn("https://support.example.com/kb/where-is-my-parcel");
        when(knowledge.bestMatch(any(), anyDouble())).thenReturn(Optional.empty());
    }

    @Test
    void withAKnownOrder_theDraftHasTrackingAndEta_andThePastResolution() {
        caseWith("4521");
        when(orders.find("4521"))
                .thenReturn(Optional.of(new OrderFacts(
                        "4521",
                        "in_transit",
                        "DHL",
                        "https://track.example.com/4521",
                        LocalDate.parse("2026-03-06"),
                        NOW)));

        SuggestedReply reply = assist.suggestedReply("CASE-000100");

        assertThat(reply.text())
                .startsWith("Thank you for contacting us about \"Order 4521 has not arrived\", Ana Lima.")
                .contains("Your order 4521 is in transit with DHL.")
                .contains("You can follow it here: https://track.example.com/4521")
                .contains("It should arrive on Friday, 6 March 2026.")
                .contains("Here is what we suggest: Asked the carrier to deliver it the next day.");
        assertThat(reply.sources()).containsExactly("CASE-000050");
    }

    @Test
    void withAnOrderNotKnown_theDraftSaysItIsBeingChecked() {
        caseWith("4521");
        when(orders.find("4521")).thenReturn(Optional.empty());

        assertThat(assist.suggestedReply("CASE-000100").text())
                .contains("Your order 4521: we are checking its status")
                .doesNotContain("follow it here")
                .doesNotContain("arrive on");
    }

    @Test
    void withoutAnOrder_noOrderSentence() {
        caseWith(null);

        assertThat(assist.suggestedReply("CASE-000100").text())
                .doesNotContain("order 4521")
                .doesNotContain("Your order");
    }

    @Test
    void aWellMatchingArticle_isTheSource_withItsPublicLink() {
        caseWith(null);
        when(knowledge.bestMatch(any(), anyDouble()))
                .thenReturn(Optional.of(new KnowledgeBase.Match(parcelArticle, 4.2)));

        SuggestedReply reply = assist.suggestedReply("CASE-000100");

        assertThat(reply.text())
                .contains("Our article \"Where is my parcel?\" explains what to do:")
                .contains("Every parcel has a tracking link in the shipping mail.")
                .doesNotContain("Still nothing after 5 days")
                .contains("Read it here: https://support.example.com/kb/where-is-my-parcel")
                .doesNotContain("Here is what we suggest");
        assertThat(reply.sources()).containsExactly("KB-7");
    }

    @Test
    void theArticleMustContainTheConfiguredShareOfTheCasesWords_elseThePastResolutionIsTheSource() {
        caseWith(null);

        SuggestedReply reply = assist.suggestedReply("CASE-000100");

        verify(knowledge).bestMatch(contains("Order 4521 has not arrived"), eq(0.2));
        assertThat(reply.sources()).containsExactly("CASE-000050");
    }

    @Test
    void nothingToGoOn_aHoldingAnswer_noSources() {
        caseWith(null);
        when(index.search(anyString(), anyString(), anyInt())).thenReturn(List.of());
        when(texts.byReference(anyCollection())).thenReturn(Map.of());

        SuggestedReply reply = assist.suggestedReply("CASE-000100");

        assertThat(reply.text()).contains("We are looking into it and will get back to you shortly.");
        assertThat(reply.sources()).isEmpty();
    }

    @Test
    void whatTheCustomerTyped_staysText() {
        when(texts.of("CASE-000100"))
                .thenReturn(Optional.of(new CaseText(
                        100,
                        "CASE-000100",
                        CaseStatus.OPEN,
                        "${7*7} %s",
                        "#{T(java.lang.Runtime)} %n [[${x}]]",
                        "Where?",
                        "%d",
                        List.of(),
                        null,
                        null,
                        null)));
        when(orders.find("%d")).thenReturn(Optional.empty());

        assertThat(assist.suggestedReply("CASE-000100").text())
                .startsWith("Thank you for contacting us about \"#{T(java.lang.Runtime)} %n [[${x}]]\", ${7*7} %s.")
                .contains("Your order %d:");
    }

    @Test
    void theDraftOfferedOnATask_isKept_andTheAgentsReplyIsCountedAgainstIt() {
        caseWith(null);

        var shown = assist.forTask("CASE-000100");

        ArgumentCaptor<SuggestedReply> kept = ArgumentCaptor.forClass(SuggestedReply.class);
        verify(drafts).offered(eq("CASE-000100"), kept.capture(), eq(NOW));
        assertThat(shown.suggestedReply()).isEqualTo(kept.getValue().text());
        assertThat(shown.similarCasesText())
                .contains("CASE-000050 · Parcel late · CSAT 5/5 · score 6.5")
                .contains("Resolution: Asked the carrier to deliver it the next day.");

        when(drafts.take("CASE-000100")).thenReturn(Optional.of(kept.getValue().text()));
        assist.replied(new AgentReplied("CASE-000100", kept.getValue().text()));
        when(drafts.take("CASE-000100")).thenReturn(Optional.empty());
        assist.replied(new AgentReplied("CASE-000100", "Something else entirely"));

        assertThat(registry.counter("casedesk.suggested.replies", "use", "unchanged")
                        .count())
                .isEqualTo(1);
        assertThat(registry.counter("casedesk.suggested.replies", "use", "none").count())
                .isEqualTo(1);
        assertThat(registry.counter("casedesk.suggested.replies", "use", "rewritten")
                        .count())
                .isZero();
    }

    @Test
    void whenTheAssistFails_theTaskStillGetsItsForm() {
        caseWith(null);
        when(index.search(anyString(), anyString(), anyInt())).thenThrow(new IllegalStateException("index broken"));

        assertThat(assist.forTask("CASE-000100")).isEqualTo(AgentAssist.TaskAssist.UNAVAILABLE);
    }

    private void caseWith(String orderId) {
        when(texts.of("CASE-000100"))
                .thenReturn(Optional.of(new CaseText(
                        100,
                        "CASE-000100",
                        CaseStatus.OPEN,
                        "Ana Lima",
                        "Order 4521 has not arrived",
                        "It was due on Monday.",
                        orderId,
                        List.of(),
                        null,
                        null,
                        null)));
    }
}
