package io.casedesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.casedesk.cases.CaseService;
import io.casedesk.mail.MailService;
import io.casedesk.prevention.PreventionProperties;
import io.casedesk.prevention.PreventionService;
import io.casedesk.trends.Trends;
import java.time.Clock;
import java.time.Duration;
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
        return new OutreachService(
                mock(Trends.class),
                mock(CaseService.class),
                mail,
                mock(PreventionService.class),
                mock(PreventionProperties.class),
                outbox,
                Clock.systemUTC(),
                mock(PlatformTransactionManager.class),
                supportWork,
                new OutreachProperties(1, 25, -10, giveWayAtMost));
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
