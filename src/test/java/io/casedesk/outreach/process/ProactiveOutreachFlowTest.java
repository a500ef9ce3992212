package io.casedesk.outreach.process;

import static io.casedesk.outreach.process.ProactiveOutreachProcess.DELIVERY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.PlainEngine;
import io.casedesk.outreach.OutreachKind;
import io.casedesk.outreach.OutreachService;
import io.casedesk.trends.IncidentDetected;
import io.casedesk.trends.IncidentKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * proactive-outreach on a plain in-memory engine with its real glue on a mocked outreach service: review with the
 * evidence, confirm (parallel low-priority delivery workers looping over chunks), follow-up, prevention and its
 * check weeks later; dismiss; answers that are refused leave the task open. Every flow node is covered.
 */
@Deployment(
        resources = {
            "bpmn/proactive-outreach.bpmn",
            "bpmn/outreach-delivery.bpmn",
            "forms/proactive-outreach-review.form",
            "forms/proactive-outreach-follow-up.form"
        })
class ProactiveOutreachFlowTest {

    private static final PlainEngine ENGINE = PlainEngine.named("proactive-outreach-flow-test");

    @RegisterExtension
    static final ProcessEngineCoverageExtension EXTENSION = ENGINE.withCoverageAtLeast(1.0);

    private ProcessEngine engine;
    private OutreachGlue glue;

    @BeforeEach
    void glueOnAMockedOutreachService() {
        engine = EXTENSION.getProcessEngine();
        glue = new OutreachGlue();
        ENGINE.use(glue.beans());
        BpmnAwareTests.init(engine);
        PlainEngine.now(PlainEngine.MONDAY_MORNING);
        when(glue.outreach.linkOpenCases(anyLong(), anyString(), anyLong(), anyInt()))
                .thenReturn(new OutreachService.LinkedChunk(12, 340L, false));
        when(glue.outreach.review(7L))
                .thenReturn(new OutreachService.ReviewSheet(
                        "INC-7 · tag · delivery-delay",
                        "tag spike \"delivery-delay\": 12 cases",
                        "CASE-000001 · … · Order late",
                        "CASE-000001 (…): where is my parcel",
                        "03-03 08:00  12 messages"));
    }

    @Test
    void confirmed_linksAndMailsInParallelLowPriorityChunks_thenFollowsUp_andChecksThePreventionWeeksLater() {
        ProcessInstance pi = detect();
        Task review = task(pi);
        assertThat(review).hasCandidateGroup("ops").hasName("INC-7 · Review · tag delivery-delay");
        assertThat(engine.getTaskService().getVariablesLocal(review.getId()))
                .containsEntry("evidenceSummary", "tag spike \"delivery-delay\": 12 cases")
                .containsEntry("evidenceCases", "CASE-000001 · … · Order late")
                .containsEntry("evidenceSamples", "CASE-000001 (…): where is my parcel")
                .containsEntry("evidenceSentiment", "03-03 08:00  12 messages");

        when(glue.outreach.confirm(7L, "Late deliveries", "Our carrier is late.", "cfo@example.com"))
                .thenReturn(40);
        // worker 0 has two chunks, the others one
        when(glue.outreach.sendChunk(eq(7L), eq(OutreachKind.ANNOUNCEMENT), anyInt(), eq(3), eq(25)))
                .thenReturn(false);
        when(glue.outreach.sendChunk(7L, OutreachKind.ANNOUNCEMENT, 0, 3, 25)).thenReturn(true, false);
        complete(
                review,
                Map.of(
                        "decision", "confirm",
                        "subject", "Late deliveries",
                        "message", "Our carrier is late.",
                        "extraRecipients", "cfo@example.com"));
        assertThat(pi).isWaitingAt("Task_ConfirmIncident");
        verify(glue.outreach, never()).confirm(anyLong(), anyString(), anyString(), anyString());
        var supportWork = new SupportJobsWaiting(engine);
        assertThat(supportWork.supportJobDue())
                .as("the confirm job has the support cases' priority")
                .isTrue();
        assertThat(supportWork.waiting())
                .as("no job executor runs on this engine: nothing a blast could make room for")
                .isFalse();

        runDueJobsOnce(pi);
        verify(glue.outreach).confirm(7L, "Late deliveries", "Our carrier is late.", "cfo@example.com");
        assertThat(pi).isWaitingAt("Task_LinkOpenCases");
        verify(glue.outreach, never()).linkOpenCases(anyLong(), anyString(), anyLong(), anyInt());

        runDueJobsOnce(pi);
        verify(glue.outreach).linkOpenCases(7L, "Late deliveries", 0L, OutreachGlue.LINK_CHUNK);
        assertThat(supportWork.supportJobDue())
                .as("only the deliveries' low-priority jobs are due: they do not wait for each other")
                .isFalse();
        List<Job> workers = jobs(pi);
        assertThat(workers)
                .hasSize(3)
                .allSatisfy(job -> assertThat(job.getPriority()).isEqualTo(OutreachGlue.PRIORITY))
                .allSatisfy(job -> assertThat(job.getProcessDefinitionKey()).isEqualTo(DELIVERY_KEY))
                .extracting(Job::getProcessInstanceId)
                .as("each worker is a process instance of its own, so its jobs do not wait for the others'")
                .doesNotHaveDuplicates()
                .doesNotContain(pi.getId());
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(DELIVERY_KEY)
                        .superProcessInstanceId(pi.getId())
                        .count())
                .isEqualTo(3);
        runWorkers(pi);
        assertThat(jobs(pi))
                .as("workers that end together only leave a job each in the outreach, which then runs them one by one")
                .hasSize(3)
                .allSatisfy(job -> assertThat(job.getProcessInstanceId()).isEqualTo(pi.getId()))
                .allSatisfy(job -> assertThat(job.getPriority()).isEqualTo(OutreachGlue.PRIORITY));
        runJobs(pi);
        verify(glue.outreach, times(2)).sendChunk(7L, OutreachKind.ANNOUNCEMENT, 0, 3, 25);
        verify(glue.outreach).sendChunk(7L, OutreachKind.ANNOUNCEMENT, 1, 3, 25);
        verify(glue.outreach).sendChunk(7L, OutreachKind.ANNOUNCEMENT, 2, 3, 25);
        assertThat(pi).isWaitingAt("Task_IncidentFollowUp").variables().containsEntry("mailsQueued", 40L);
        Task followUp = task(pi);
        assertThat(followUp).hasCandidateGroup("ops").hasName("INC-7 · Follow-up · tag delivery-delay");

        when(glue.outreach.close(7L, "Fixed: parcels move again.")).thenReturn(41);
        when(glue.outreach.handToPrevention(7L)).thenReturn(3L);
        when(glue.outreach.sendChunk(7L, OutreachKind.FOLLOW_UP, 1, 3, 25)).thenReturn(true, false);
        complete(followUp, Map.of("message", "Fixed: parcels move again."));
        runJobs(pi);
        verify(glue.outreach).close(7L, "Fixed: parcels move again.");
        verify(glue.outreach).sendChunk(7L, OutreachKind.FOLLOW_UP, 0, 3, 25);
        verify(glue.outreach, times(2)).sendChunk(7L, OutreachKind.FOLLOW_UP, 1, 3, 25);
        verify(glue.outreach).sendChunk(7L, OutreachKind.FOLLOW_UP, 2, 3, 25);
        verify(glue.outreach).handToPrevention(7L);
        assertThat(pi).isWaitingAt("Event_PreventionCheckDue");
        Job timer = jobs(pi).get(0);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(PlainEngine.MONDAY_MORNING.plus(OutreachGlue.CHECK_AFTER));
        verify(glue.outreach, never()).checkPrevention(anyLong(), anyLong());
        Instant due = timer.getDuedate().toInstant();
        PlainEngine.now(due.minusSeconds(2));
        assertThat(supportWork.supportJobDue()).as("a timer due in 2 s").isFalse();
        PlainEngine.now(due.minus(SupportJobsWaiting.LOOKAHEAD).plusMillis(100));
        assertThat(supportWork.supportJobDue())
                .as("a timer about to fall due: a blast gives way before it fires")
                .isTrue();
        PlainEngine.now(due);

        engine.getManagementService().executeJob(timer.getId());
        verify(glue.outreach).checkPrevention(7L, 3L);
        assertThat(pi)
                .isEnded()
                .hasPassed("CallActivity_SendAnnouncement", "CallActivity_SendFollowUp", "EndEvent_PreventionChecked");
    }

    @Test
    void moreOpenCasesThanOneChunk_areLinkedAChunkPerJob_eachGoingOnAfterTheLast_thenTheAnnouncementGoesOut() {
        ProcessInstance pi = detect();
        when(glue.outreach.confirm(7L, "Late deliveries", "Our carrier is late.", null))
                .thenReturn(1_200);
        // 1,200 open cases with ids from 101: two full chunks, then the rest
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 0L, OutreachGlue.LINK_CHUNK))
                .thenReturn(new OutreachService.LinkedChunk(500, 600L, true));
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 600L, OutreachGlue.LINK_CHUNK))
                .thenReturn(new OutreachService.LinkedChunk(499, 1_100L, true));
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 1_100L, OutreachGlue.LINK_CHUNK))
                .thenReturn(new OutreachService.LinkedChunk(200, 1_300L, false));
        complete(
                task(pi),
                Map.of("decision", "confirm", "subject", "Late deliveries", "message", "Our carrier is late."));
        runDueJobsOnce(pi);
        verify(glue.outreach).confirm(7L, "Late deliveries", "Our carrier is late.", null);

        long[][] chunks = {{600, 500}, {1_100, 999}, {1_300, 1_199}};
        for (int i = 0; i < chunks.length; i++) {
            List<Job> due = jobs(pi);
            assertThat(due)
                    .as("chunk %d is a job of its own, of the support cases' priority", i + 1)
                    .singleElement()
                    .satisfies(job -> assertThat(job.getPriority()).isZero());
            assertThat(engine.getManagementService()
                            .createJobQuery()
                            .processInstanceId(pi.getId())
                            .activityId("Task_LinkOpenCases")
                            .singleResult()
                            .getId())
                    .isEqualTo(due.get(0).getId());
            engine.getManagementService().executeJob(due.get(0).getId());
            assertThat(pi)
                    .variables()
                    .containsEntry("linkedUpToCaseId", chunks[i][0])
                    .containsEntry("casesLinked", chunks[i][1])
                    .containsEntry("moreToLink", i < chunks.length - 1);
        }
        verify(glue.outreach, times(3).description("each job links at most casedesk.outreach.link-chunk cases"))
                .linkOpenCases(eq(7L), eq("Late deliveries"), anyLong(), eq(OutreachGlue.LINK_CHUNK));
        assertThat(jobs(pi))
                .as("all linked: the delivery workers start")
                .hasSize(OutreachGlue.WORKERS)
                .allSatisfy(job -> assertThat(job.getProcessDefinitionKey()).isEqualTo(DELIVERY_KEY));
        assertThat(pi).isWaitingAt("CallActivity_SendAnnouncement");
    }

    @Test
    void aLinkJobThatFails_runsAgainFromWhereItsChunkStarted() {
        ProcessInstance pi = detect();
        when(glue.outreach.confirm(7L, "Late deliveries", "Our carrier is late.", null))
                .thenReturn(700);
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 0L, OutreachGlue.LINK_CHUNK))
                .thenReturn(new OutreachService.LinkedChunk(500, 510L, true));
        // the second chunk fails once after its work (its transaction, links and all, is rolled back), then succeeds
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 510L, OutreachGlue.LINK_CHUNK))
                .thenThrow(new IllegalStateException("database gone"))
                .thenReturn(new OutreachService.LinkedChunk(200, 720L, false));
        complete(
                task(pi),
                Map.of("decision", "confirm", "subject", "Late deliveries", "message", "Our carrier is late."));
        runDueJobsOnce(pi);
        runDueJobsOnce(pi);
        Job second = jobs(pi).get(0);

        assertThatThrownBy(() -> engine.getManagementService().executeJob(second.getId()))
                .hasStackTraceContaining("database gone");
        assertThat(pi)
                .isWaitingAt("Task_LinkOpenCases")
                .variables()
                .as("nothing of the failed chunk stays: the retry starts where the chunk started")
                .containsEntry("linkedUpToCaseId", 510L)
                .containsEntry("casesLinked", 500L)
                .containsEntry("moreToLink", true);

        engine.getManagementService().executeJob(second.getId());
        verify(glue.outreach, times(2)).linkOpenCases(7L, "Late deliveries", 510L, OutreachGlue.LINK_CHUNK);
        assertThat(pi)
                .isWaitingAt("CallActivity_SendAnnouncement")
                .variables()
                .containsEntry("linkedUpToCaseId", 720L)
                .containsEntry("casesLinked", 700L)
                .containsEntry("moreToLink", false);
    }

    @Test
    void anInstanceStillOnAModelBeforeTheLinkingStep_linksItsOpenCasesInTheConfirmJob_asThatModelDid() {
        // proactive-outreach up to 1.2.0: the confirmation's job linked the open cases itself, then the mails went out
        var before = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("proactive-outreach-1-2-0-confirm")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Old")
                .serviceTask("Task_ConfirmIncident")
                .camundaDelegateExpression("${confirmIncident}")
                .endEvent("EndEvent_Old")
                .done();
        EXTENSION.manageDeployment(engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("proactive-outreach-1-2-0-confirm.bpmn", before)
                .deploy());
        when(glue.outreach.confirm(7L, "Late deliveries", "Our carrier is late.", null))
                .thenReturn(700);
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 0L, OutreachGlue.LINK_CHUNK))
                .thenReturn(new OutreachService.LinkedChunk(500, 510L, true));
        when(glue.outreach.linkOpenCases(7L, "Late deliveries", 510L, OutreachGlue.LINK_CHUNK))
                .thenReturn(new OutreachService.LinkedChunk(200, 720L, false));

        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "proactive-outreach-1-2-0-confirm",
                        "INC-7",
                        Map.of("incidentId", 7L, "subject", "Late deliveries", "message", "Our carrier is late."));

        assertThat(pi).isEnded();
        var order = org.mockito.Mockito.inOrder(glue.outreach);
        order.verify(glue.outreach).confirm(7L, "Late deliveries", "Our carrier is late.", null);
        order.verify(glue.outreach).linkOpenCases(7L, "Late deliveries", 0L, OutreachGlue.LINK_CHUNK);
        order.verify(glue.outreach).linkOpenCases(7L, "Late deliveries", 510L, OutreachGlue.LINK_CHUNK);
        order.verifyNoMoreInteractions();
    }

    @Test
    void dismissed_recordsTheReason_andEnds() {
        ProcessInstance pi = detect();
        complete(task(pi), Map.of("decision", "dismiss", "reason", "A marketing mail, not a problem"));
        runJobs(pi);
        verify(glue.outreach).dismiss(7L, "A marketing mail, not a problem");
        verify(glue.outreach, never()).confirm(anyLong(), anyString(), anyString(), anyString());
        assertThat(pi).isEnded().hasPassed("EndEvent_Dismissed").hasNotPassed("Task_ConfirmIncident");
    }

    @Test
    void anIncompleteOrBadAnswer_isRefusedNamingEachField_andTheReviewStaysOpen() {
        ProcessInstance pi = detect();
        Task review = task(pi);
        doThrow(new io.casedesk.outreach.InvalidRecipientsException(List.of("not-an-address")))
                .when(glue.outreach)
                .extraRecipients("not-an-address");

        assertThatThrownBy(() -> complete(
                        review, Map.of("decision", "confirm", "message", "x", "extraRecipients", "not-an-address")))
                .hasRootCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("subject: required")
                .hasMessageContaining("extraRecipients: not a mail address: not-an-address");
        assertThatThrownBy(() -> complete(review, Map.of("decision", "maybe")))
                .hasRootCauseInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("decision: must be confirm or dismiss");
        assertThat(pi).isWaitingAt("Task_OpsReview");
        assertThat(task(pi).getId()).isEqualTo(review.getId());
        verify(glue.outreach, never()).confirm(anyLong(), anyString(), anyString(), anyString());
    }

    private ProcessInstance detect() {
        glue.starter(engine).onDetected(new IncidentDetected(7L, IncidentKind.TAG, "delivery-delay"));
        ProcessInstance pi = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("INC-7")
                .singleResult();
        assertThat(pi).isWaitingAt("Task_OpsReview");
        return pi;
    }

    private void complete(Task task, Map<String, Object> answer) {
        engine.getTaskService().complete(task.getId(), new HashMap<>(answer));
    }

    private List<Job> jobs(ProcessInstance pi) {
        return engine.getManagementService()
                .createJobQuery()
                .rootProcessInstanceId(pi.getId())
                .list();
    }

    /** Runs the delivery workers' jobs until every worker has sent its share, not the outreach's own jobs. */
    private void runWorkers(ProcessInstance pi) {
        List<Job> due;
        while (!(due = engine.getManagementService()
                        .createJobQuery()
                        .rootProcessInstanceId(pi.getId())
                        .processDefinitionKey(DELIVERY_KEY)
                        .executable()
                        .list())
                .isEmpty()) {
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    /** Runs the jobs due now, not those they create. */
    private void runDueJobsOnce(ProcessInstance pi) {
        engine.getManagementService()
                .createJobQuery()
                .rootProcessInstanceId(pi.getId())
                .executable()
                .list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    /** Runs the jobs that are due until none is left (a timer in the future stays). */
    private void runJobs(ProcessInstance pi) {
        List<Job> due;
        while (!(due = engine.getManagementService()
                        .createJobQuery()
                        .rootProcessInstanceId(pi.getId())
                        .executable()
                        .list())
                .isEmpty()) {
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }
}
