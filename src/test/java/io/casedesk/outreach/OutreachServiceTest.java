package io.casedesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseStoreFixture;
import io.casedesk.cases.CaseTrends;
import io.casedesk.cases.Channel;
import io.casedesk.cases.NewCase;
import io.casedesk.mail.MailService;
import io.casedesk.prevention.PreventionProperties;
import io.casedesk.prevention.PreventionService;
import io.casedesk.trends.IncidentKind;
import io.casedesk.trends.IncidentStatus;
import io.casedesk.trends.TrendIncident;
import io.casedesk.trends.Trends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

class OutreachServiceTest {

    private final OutreachMails outbox = mock(OutreachMails.class);
    private final MailService mail = mock(MailService.class);
    private final List<String> sent = new ArrayList<>();

    /** A service over a mocked outbox with two waiting mails, whose support work is as given. */
    private OutreachService service(SupportWork supportWork, Duration giveWayAtMost) {
        when(outbox.waiting(7L, OutreachKind.ANNOUNCEMENT, 0, 1, 25)).thenReturn(List.of(1L, 2L));
        for (long id = 1; id <= 2; id++) {
            when(outbox.lockWaiting(id))
                    .thenReturn(Optional.of(
                            new OutreachMails.Pending(id, "c" + id + "@example.com", "<m" + id + ">", "S", "T", "H")));
        }
        doAnswer(call -> sent.add(call.getArgument(0)))
                .when(mail)
                .sendPrepared(anyString(), anyString(), anyString(), anyString(), anyString());
        return service(
                mock(Trends.class),
                mock(CaseService.class),
                supportWork,
                new OutreachProperties(1, 25, -10, giveWayAtMost, 500));
    }

    /** The service on the given trends, cases and support work, with this test's outbox and mail. */
    private OutreachService service(
            Trends trends, CaseService cases, SupportWork supportWork, OutreachProperties settings) {
        return new OutreachService(
                trends,
                cases,
                mail,
                mock(PreventionService.class),
                mock(PreventionProperties.class),
                outbox,
                Clock.systemUTC(),
                mock(PlatformTransactionManager.class),
                supportWork,
                settings);
    }

    @Test
    void aDeliveryWorker_waitsBeforeEachMail_whileTheSupportCasesJobsAreDue() {
        var checks = new AtomicInteger();
        var sentAfterChecks = new ArrayList<Integer>();
        // due support work for the first three looks, then none
        SupportWork supportWork = () -> checks.incrementAndGet() <= 3;
        OutreachService outreach = service(supportWork, Duration.ofSeconds(10));
        doAnswer(call -> {
                    sent.add(call.getArgument(0));
                    sentAfterChecks.add(checks.get());
                    return null;
                })
                .when(mail)
                .sendPrepared(anyString(), anyString(), anyString(), anyString(), anyString());

        outreach.sendChunk(7L, OutreachKind.ANNOUNCEMENT, 0, 1, 25);

        assertThat(sent).containsExactly("c1@example.com", "c2@example.com");
        assertThat(sentAfterChecks)
                .as("the first mail only once the fourth look found nothing due, the second after one more look")
                .containsExactly(4, 5);
    }

    @Test
    void aDeliveryWorker_sendsAnyway_afterGivingWayAsLongAsConfigured() {
        OutreachService outreach = service(() -> true, Duration.ofMillis(150));
        long start = System.nanoTime();

        outreach.sendChunk(7L, OutreachKind.ANNOUNCEMENT, 0, 1, 25);

        assertThat(sent).containsExactly("c1@example.com", "c2@example.com");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("it waited before each of the two mails")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void linkingOpenCases_aChunkPerRun_linksEachCaseOnce_alsoWhenTwoRunsOfAJobSelectedTheSameChunk() {
        // real SQL: the selection of cases not linked yet, and CaseService.linkIncident
        CaseStoreFixture store = CaseStoreFixture.inMemory();
        CaseService cases = store.caseService(Clock.systemUTC(), 0);
        CaseTrends caseTrends = store.caseTrends();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            open.add(openCase(cases, i, "login-problem"));
        }
        String closed = openCase(cases, 7, "login-problem");
        cases.close(closed);
        String otherTag = openCase(cases, 8, "delivery-delay");
        String ofAnotherIncident = openCase(cases, 9, "login-problem");
        cases.linkIncident(ofAnotherIncident, 99L, "Linked to INC-99");
        Trends trends = mock(Trends.class);
        when(trends.incident(7L))
                .thenReturn(Optional.of(new TrendIncident(
                        7L,
                        IncidentKind.TAG,
                        "login-problem",
                        IncidentStatus.CONFIRMED,
                        Instant.now(),
                        Instant.now().minusSeconds(3600),
                        Instant.now(),
                        7,
                        0.1,
                        null,
                        null)));
        when(trends.unlinkedOpenCases(eq(7L), anyLong(), anyInt()))
                .thenAnswer(call ->
                        caseTrends.unlinkedOpenCasesWithTag("login-problem", call.getArgument(1), call.getArgument(2)));
        // two runs of the first job that both selected their chunk before either committed
        List<CaseTrends.OpenCase> firstChunk = caseTrends.unlinkedOpenCasesWithTag("login-problem", 0, 3);
        when(trends.unlinkedOpenCases(7L, 0L, 3)).thenReturn(firstChunk);
        OutreachService outreach =
                service(trends, cases, () -> false, new OutreachProperties(1, 25, -10, Duration.ZERO, 3));

        OutreachService.LinkedChunk first = outreach.linkOpenCases(7L, "Login trouble", 0, 3);
        OutreachService.LinkedChunk again = outreach.linkOpenCases(7L, "Login trouble", 0, 3);

        long third = firstChunk.get(2).id();
        assertThat(first).isEqualTo(new OutreachService.LinkedChunk(3, third, true));
        assertThat(again).as("the second run links nothing").isEqualTo(new OutreachService.LinkedChunk(0, third, true));

        // a case with the key opened while the linking goes on is in a later chunk
        open.add(openCase(cases, 10, "login-problem"));
        var chunks = new ArrayList<OutreachService.LinkedChunk>();
        OutreachService.LinkedChunk chunk = first;
        while (chunk.more()) {
            chunk = outreach.linkOpenCases(7L, "Login trouble", chunk.lastCaseId(), 3);
            chunks.add(chunk);
        }
        assertThat(chunks)
                .extracting(OutreachService.LinkedChunk::linked)
                .as("the five cases left: a full chunk, then the last two, and no empty chunk after them")
                .containsExactly(3, 2);
        for (String reference : open) {
            assertThat(cases.get(reference).incidentId()).as(reference).isEqualTo(7L);
            assertThat(cases.timeline(reference).stream()
                            .filter(e -> e.type() == CaseEventType.INCIDENT_LINKED)
                            .map(CaseEvent::detail))
                    .as(reference)
                    .containsExactly("Incident INC-7 (tag login-problem) confirmed by ops; the customer is told: "
                            + "Login trouble");
        }
        assertThat(cases.get(closed).incidentId()).isNull();
        assertThat(cases.get(otherTag).incidentId()).isNull();
        assertThat(cases.get(ofAnotherIncident).incidentId()).isEqualTo(99L);
    }

    private static String openCase(CaseService cases, int n, String tag) {
        return cases.open(new NewCase(
                        Channel.WEB,
                        "linking-" + n + "@example.com",
                        "Customer " + n,
                        "standard",
                        "Trouble " + n,
                        "It does not work.",
                        null,
                        "medium",
                        List.of(tag),
                        0,
                        null))
                .reference();
    }

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
