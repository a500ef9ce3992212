package io.casedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTaskViewTest {

    private static final Instant OPENED = Instant.parse("2026-06-08T08:00:00Z");

    @Test
    void showsTheCaseAsTexts_andFollowsUpOnTheResponseWhileNoneWasGiven() {
        SupportCase c = supportCase("P1", -0.4, null);
        var timeline = List.of(
                new CaseEvent(OPENED, CaseEventType.OPENED, "Opened via email"),
                new CaseEvent(
                        OPENED.plusSeconds(60), CaseEventType.ESCALATED, "Escalated to tier2 (level 1) on triage"),
                new CaseEvent(
                        OPENED.plusSeconds(120),
                        CaseEventType.ESCALATED,
                        "Escalated to specialists (level 2) on agent"));
        var earlier = supportCase("P3", 0.0, null);

        CaseTaskView view = CaseTaskView.of(c, timeline, List.of(earlier));

        assertThat(view.sentimentText()).isEqualTo("-0.40 (negative)");
        assertThat(view.responseDueText()).isEqualTo("2026-06-08 09:00:00 UTC");
        assertThat(view.resolutionDueText()).isEqualTo("2026-06-08 12:00:00 UTC");
        assertThat(view.recentCasesText()).isEqualTo("CASE-000001  2026-06-08 08:00:00 UTC  open  Parcel missing");
        assertThat(view.timelineText())
                .startsWith("2026-06-08 08:00:00 UTC  opened  Opened via email\n")
                .hasLineCount(3);
        assertThat(view.escalationReason()).isEqualTo("Escalated to specialists (level 2) on agent");
        assertThat(view.taskPriority()).isEqualTo(100);
        assertThat(view.dueAt()).isEqualTo(c.resolutionDueAt());
        assertThat(view.followUpAt()).isEqualTo(c.responseDueAt());
    }

    @Test
    void followsUpOnTheResolutionOnceAnsweredOnce_andRanksUnknownPrioritiesAsP3() {
        SupportCase c = supportCase(null, 0.3, OPENED.plusSeconds(600));

        CaseTaskView view = CaseTaskView.of(c, List.of(), List.of());

        assertThat(view.sentimentText()).isEqualTo("0.30 (positive)");
        assertThat(view.escalationReason()).isEmpty();
        assertThat(view.recentCasesText()).isEmpty();
        assertThat(view.taskPriority()).isEqualTo(50);
        assertThat(view.followUpAt()).isEqualTo(c.resolutionDueAt());
    }

    @Test
    void namesTheTaskByReferencePriorityAndSubject_onOneLineAndWithinTheEnginesLimit() {
        assertThat(CaseTaskView.of(supportCase("P1", 0.0, null), List.of(), List.of())
                        .taskName())
                .isEqualTo("CASE-000001 · P1 · Parcel missing");
        var longSubject = new StringBuilder("Order #4521\n has   not arrived ");
        longSubject.append("x".repeat(300));
        String name = CaseTaskView.taskName(withSubject(supportCase("P2", 0.0, null), longSubject.toString()));
        assertThat(name)
                .startsWith("CASE-000001 · P2 · Order #4521 has not arrived x")
                .endsWith("…");
        assertThat(name.length() + CaseTaskView.NEW_MESSAGE_MARK.length()).isLessThanOrEqualTo(255);
    }

    @Test
    void ranksP1First_thenVip_thenP2_thenP3() {
        assertThat(List.of(
                        CaseTaskView.taskPriority("P1", true),
                        CaseTaskView.taskPriority("P1", false),
                        CaseTaskView.taskPriority("P2", true),
                        CaseTaskView.taskPriority("P3", true),
                        CaseTaskView.taskPriority("P2", false),
                        CaseTaskView.taskPriority("P3", false)))
                .isSortedAccordingTo((a, b) -> b - a)
                .doesNotHaveDuplicates();
        // a new message or an SLA warning moves a task up within its band, not past a P1
        assertThat(CaseTaskView.taskPriority("P2", true) + CaseTaskView.NEW_MESSAGE_PRIORITY_BOOST)
                .isLessThan(CaseTaskView.taskPriority("P1", false));
    }

    @Test
    void showsTheConversationNewestLast_withTimeAndAuthor_asPlainText() {
        SupportCase c = supportCase("P2", 0.1, OPENED.plusSeconds(300));
        var timeline = List.of(
                new CaseEvent(OPENED, CaseEventType.OPENED, "Opened via email"),
                new CaseEvent(OPENED.plusSeconds(60), CaseEventType.TRIAGED, "Priority P2"),
                new CaseEvent(
                        OPENED.plusSeconds(300), CaseEventType.AGENT_REPLY, "alice (need_info): Which size?\nThanks"),
                new CaseEvent(OPENED.plusSeconds(400), CaseEventType.AGENT_REPLY, "bob (escalate): "),
                new CaseEvent(OPENED.plusSeconds(500), CaseEventType.CUSTOMER_MESSAGE, "<script>x</script> ${7*7}"));

        String conversation = CaseTaskView.of(c, timeline, List.of()).conversationText();

        assertThat(conversation).isEqualTo("""
                        2026-06-08 08:00:00 UTC · Ana (customer)
                        Parcel missing
                        It did not arrive.

                        2026-06-08 08:05:00 UTC · alice (agent, need info)
                        Which size?
                        Thanks

                        2026-06-08 08:08:20 UTC · Ana (customer)
                        <script>x</script> ${7*7}""");
    }

    @Test
    void showsLatestAndWorstSentiment_andWhichDeadlineIsNext_andWhetherItIsBreachingSoon() {
        SupportCase c = withSentiments(supportCase("P2", 0.2, null), 0.3, -0.71);

        CaseTaskView view = CaseTaskView.of(c, List.of(), List.of());

        assertThat(view.sentimentText()).isEqualTo("0.30 (positive)");
        assertThat(view.worstSentimentText()).isEqualTo("-0.71 (negative)");
        assertThat(view.nextDeadlineText()).isEqualTo("response 06-08 09:00 UTC");
        assertThat(view.caseReference()).isEqualTo("CASE-000001");
        assertThat(view.channel()).isEqualTo("email");
        // the response is due at 09:00: from 07:00 on it is breaching soon
        assertThat(view.breachingSoon(Instant.parse("2026-06-08T06:59:00Z"))).isFalse();
        assertThat(view.breachingSoon(Instant.parse("2026-06-08T07:01:00Z"))).isTrue();
        assertThat(view.breachingSoon(Instant.parse("2026-06-08T10:00:00Z"))).isTrue();
        assertThat(CaseTaskView.of(supportCase("P2", 0.2, OPENED.plusSeconds(60)), List.of(), List.of())
                        .nextDeadlineText())
                .isEqualTo("resolution 06-08 12:00 UTC");
    }

    private static SupportCase withSubject(SupportCase c, String subject) {
        return new SupportCase(
                c.id(),
                c.reference(),
                c.status(),
                c.channel(),
                c.customerEmail(),
                c.customerName(),
                c.customerTier(),
                subject,
                c.description(),
                c.orderId(),
                c.severity(),
                c.sentiment(),
                c.latestSentiment(),
                c.worstSentiment(),
                c.intent(),
                c.category(),
                c.compliance(),
                c.priority(),
                c.assignedGroup(),
                c.escalationLevel(),
                c.reopenCount(),
                c.resolution(),
                c.csat(),
                c.csatComment(),
                c.openedBy(),
                c.processInstanceId(),
                c.createdAt(),
                c.acknowledgedAt(),
                c.firstResponseAt(),
                c.resolvedAt(),
                c.closedAt(),
                c.tags(),
                c.sla(),
                null,
                false,
                null,
                null);
    }

    private static SupportCase withSentiments(SupportCase c, double latest, double worst) {
        return new SupportCase(
                c.id(),
                c.reference(),
                c.status(),
                c.channel(),
                c.customerEmail(),
                c.customerName(),
                c.customerTier(),
                c.subject(),
                c.description(),
                c.orderId(),
                c.severity(),
                c.sentiment(),
                latest,
                worst,
                c.intent(),
                c.category(),
                c.compliance(),
                c.priority(),
                c.assignedGroup(),
                c.escalationLevel(),
                c.reopenCount(),
                c.resolution(),
                c.csat(),
                c.csatComment(),
                c.openedBy(),
                c.processInstanceId(),
                c.createdAt(),
                c.acknowledgedAt(),
                c.firstResponseAt(),
                c.resolvedAt(),
                c.closedAt(),
                c.tags(),
                c.sla(),
                null,
                false,
                null,
                null);
    }

    private static SupportCase supportCase(String priority, double sentiment, Instant firstResponseAt) {
        return new SupportCase(
                1,
                "CASE-000001",
                CaseStatus.OPEN,
                Channel.EMAIL,
                "ana@example.com",
                "Ana",
                "standard",
                "Parcel missing",
                "It did not arrive.",
                null,
                "medium",
                sentiment,
                sentiment,
                sentiment,
                "where-is-my-order",
                "delivery",
                false,
                priority,
                "tier1",
                0,
                0,
                null,
                null,
                null,
                "api",
                "pi-1",
                OPENED,
                OPENED,
                firstResponseAt,
                null,
                null,
                List.of(),
                new CaseSla(
                        "24x7",
                        OPENED.plus(Duration.ofHours(1)),
                        OPENED.plus(Duration.ofHours(4)),
                        false,
                        false,
                        Duration.ZERO),
                null,
                false,
                null,
                null);
    }
}
