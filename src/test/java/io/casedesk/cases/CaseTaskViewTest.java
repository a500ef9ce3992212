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
                        Duration.ZERO));
    }
}
