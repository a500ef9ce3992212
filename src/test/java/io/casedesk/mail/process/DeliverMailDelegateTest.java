package io.casedesk.mail.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.casedesk.mail.MailService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** The message of a failed delivery is the incident's in Cockpit: it says what happened and what to do. */
class DeliverMailDelegateTest {

    private final MailService mail = mock(MailService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void anUnreachableSmtpServer_failsTheJobWithAMessageThatSaysWhatToDo() {
        when(execution.getVariable(MailDeliveryStarter.OUTBOX_ID)).thenReturn(42L);
        when(execution.getVariable(MailDeliveryStarter.RETRY_CYCLE)).thenReturn("R3/PT5M");
        doThrow(new MailSendException(
                        "Mail server connection failed", new java.net.ConnectException("Connection refused")))
                .when(mail)
                .deliver(42L);

        assertThatThrownBy(() -> new DeliverMailDelegate(mail).execute(execution))
                .hasMessageStartingWith("SMTP unreachable after 3 tries (casedesk.mail.retry-cycle R3/PT5M), mail 42")
                .hasMessageContaining("check spring.mail.host and spring.mail.port")
                .hasMessageContaining("then retry the job")
                .hasMessageEndingWith("Cause: Connection refused")
                .hasCauseInstanceOf(MailSendException.class);
    }

    @Test
    void otherFailures_keepTheirOwnMessage() {
        when(execution.getVariable(MailDeliveryStarter.OUTBOX_ID)).thenReturn(7L);
        doThrow(new IllegalArgumentException("no mail 7")).when(mail).deliver(7L);
        assertThatThrownBy(() -> new DeliverMailDelegate(mail).execute(execution))
                .hasMessage("no mail 7");
        assertThat(DeliverMailDelegate.incidentMessage(7, "PT1M", new MailSendException("down")))
                .startsWith("SMTP unreachable after its retries");
    }
}
