package io.casedesk.mail.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.casedesk.PlainEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;

/**
 * mail-delivery on a plain in-memory engine with the real delegates and starter on a mocked mail service and mocked
 * channel webhooks: a queued mail is sent by the job of its asynchronous task, a webhook copy by the job of its own;
 * an SMTP outage or a failing integration is retried by the model's retry cycle and, the
 * retries spent, is an incident that a retry (as Cockpit does it) resolves. Flow-node coverage must reach 90 %.
 */
@Deployment(resources = "bpmn/mail-delivery.bpmn")
class MailDeliveryFlowTest {

    private static final Instant START = PlainEngine.MONDAY_MORNING;
    private static final PlainEngine ENGINE = PlainEngine.named("mail-delivery-flow-test");

    @RegisterExtension
    static final ProcessEngineCoverageExtension EXTENSION = ENGINE.withCoverageAtLeast(0.9);

    private ProcessEngine engine;
    private MailDeliveryGlue glue;

    @BeforeEach
    void glueOnAMockedMailService() {
        engine = EXTENSION.getProcessEngine();
        glue = new MailDeliveryGlue();
        ENGINE.use(glue.beans());
        BpmnAwareTests.init(engine);
        PlainEngine.now(START);
    }

    @Test
    void aQueuedMail_isSentByTheJobOfItsAsynchronousTask_notInTheCallersTransaction() {
        glue.starter(engine).schedule(42L, "CASE-000001");
        ProcessInstance pi = delivery("CASE-000001");

        assertThat(pi)
                .isWaitingAt("Task_DeliverMail")
                .variables()
                .containsEntry("outboxId", 42L)
                .containsEntry("retryCycle", MailDeliveryGlue.RETRY_CYCLE);
        verify(glue.mail, never()).deliver(anyLong());

        engine.getManagementService().executeJob(job(pi).getId());

        verify(glue.mail).deliver(42L);
        assertThat(pi).isEnded().hasPassed("Gateway_DeliveryKind", "Task_DeliverMail", "EndEvent_MailSent");
        assertThat(pi).hasNotPassed("Task_DeliverWebhook");
    }

    @Test
    void aNoticeThatMayWait_waitsOnTheWindowsTimer_whetherQueuedInAFlowsStepOrOnItsOwn() {
        Instant windowEnd = START.plus(Duration.ofMinutes(10));
        var starter = glue.starter(engine);
        starter.schedule(44L, "CASE-000003", windowEnd);
        // as a flow's delegate queues it: inside the engine's command, before anything is flushed
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(context -> {
                    starter.schedule(45L, "CASE-000004", windowEnd);
                    return null;
                });
        var management = engine.getManagementService();

        for (String reference : new String[] {"CASE-000003", "CASE-000004"}) {
            assertThat(delivery(reference)).isWaitingAt("Event_WindowEnds");
            assertThat(job(delivery(reference)).getDuedate()).as(reference).isEqualTo(Date.from(windowEnd));
        }
        assertThat(management.createJobQuery().executable().count()).isZero();

        PlainEngine.now(windowEnd);
        assertThat(management.createJobQuery().executable().count()).isEqualTo(2);
        long outboxId = 44L;
        for (String reference : new String[] {"CASE-000003", "CASE-000004"}) {
            ProcessInstance pi = delivery(reference);
            management.executeJob(job(pi).getId());
            verify(glue.mail, never()).deliver(outboxId);
            assertThat(pi).isWaitingAt("Task_DeliverMail");
            management.executeJob(job(pi).getId());
            verify(glue.mail).deliver(outboxId++);
            assertThat(pi).isEnded().hasPassed("Gateway_Held", "Event_WindowEnds", "Task_DeliverMail");
        }
    }

    @Test
    void anSmtpOutage_isRetriedByTheCycle_thenIsAnIncident_andARetryFromCockpitSendsTheMail() {
        doThrow(new MailSendException("Connection refused")).when(glue.mail).deliver(43L);
        glue.starter(engine).schedule(43L, "CASE-000002");
        ProcessInstance pi = delivery("CASE-000002");
        var management = engine.getManagementService();

        for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
            Job job = job(pi);
            PlainEngine.now(job.getDuedate() == null ? START : job.getDuedate().toInstant());
            Instant failedAt = PlainEngine.clock().instant();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("Connection refused");
            Job failed = job(pi);
            assertThat(failed.getRetries()).isEqualTo(retriesLeft);
            assertThat(failed.getExceptionMessage()).contains("Connection refused");
            if (retriesLeft > 0) {
                assertThat(failed.getDuedate())
                        .as("the next try, five minutes on")
                        .isEqualTo(Date.from(failedAt.plus(Duration.ofMinutes(5))));
            }
        }
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .activityId("Task_DeliverMail")
                        .count())
                .as("an incident in Cockpit")
                .isEqualTo(1);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .executable()
                        .count())
                .as("nothing is tried again by itself")
                .isZero();
        assertThat(pi).isWaitingAt("Task_DeliverMail");

        doNothing().when(glue.mail).deliver(43L);
        management.setJobRetries(job(pi).getId(), 1);
        management.executeJob(job(pi).getId());

        verify(glue.mail, times(4)).deliver(43L);
        assertThat(pi).isEnded().hasPassed("EndEvent_MailSent");
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
    }

    @Test
    void aWebhookCopy_isPostedByItsOwnJob_andNeverSentAsMail() {
        glue.starter(engine).scheduleWebhook(7L, "CASE-000003");
        ProcessInstance pi = delivery("CASE-000003");

        assertThat(pi)
                .isWaitingAt("Task_DeliverWebhook")
                .variables()
                .containsEntry("deliveryKind", "webhook")
                .containsEntry("webhookId", 7L)
                .doesNotContainKey("outboxId");
        verify(glue.webhooks, never()).deliver(anyLong());

        engine.getManagementService().executeJob(job(pi).getId());

        verify(glue.webhooks).deliver(7L);
        verify(glue.mail, never()).deliver(anyLong());
        assertThat(pi).isEnded().hasPassed("Gateway_DeliveryKind", "Task_DeliverWebhook", "EndEvent_WebhookDelivered");
        assertThat(pi).hasNotPassed("Task_DeliverMail");
    }

    @Test
    void anIntegrationThatKeepsFailing_isRetriedByTheCycle_thenIsAnIncidentThatSaysWhatToDo() {
        doThrow(new IllegalStateException("The integration answered HTTP 503 … then retry this incident in Cockpit."))
                .when(glue.webhooks)
                .deliver(8L);
        glue.starter(engine).scheduleWebhook(8L, "CASE-000004");
        ProcessInstance pi = delivery("CASE-000004");
        var management = engine.getManagementService();

        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = job(pi);
            PlainEngine.now(job.getDuedate() == null ? START : job.getDuedate().toInstant());
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }
        var incident = engine.getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .activityId("Task_DeliverWebhook")
                .singleResult();
        assertThat(incident).as("an incident in Cockpit on the webhook task").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("retry this incident in Cockpit");

        doNothing().when(glue.webhooks).deliver(8L);
        management.setJobRetries(job(pi).getId(), 1);
        management.executeJob(job(pi).getId());

        verify(glue.webhooks, times(4)).deliver(8L);
        assertThat(pi).isEnded().hasPassed("EndEvent_WebhookDelivered");
    }

    private ProcessInstance delivery(String caseReference) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("mail-delivery")
                .processInstanceBusinessKey(caseReference)
                .singleResult();
    }
}
