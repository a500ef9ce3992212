package io.casedesk.prevention.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.PlainEngine;
import io.casedesk.knowledge.ArticleDraft;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * prevention-ticket on a plain in-memory engine with the real listener, delegate and starter on a mocked prevention
 * service: the knowledge team sees the cases the gap affected and records what it did; a failure to record keeps
 * the task open. Flow-node coverage must reach 90 %.
 */
@Deployment(resources = {"bpmn/prevention-ticket.bpmn", "forms/prevention-ticket.form"})
class PreventionTicketFlowTest {

    private static final PlainEngine ENGINE = PlainEngine.named("prevention-ticket-flow-test");

    @RegisterExtension
    static final ProcessEngineCoverageExtension EXTENSION = ENGINE.withCoverageAtLeast(0.9);

    private ProcessEngine engine;
    private PreventionTicketGlue glue;

    @BeforeEach
    void glueOnAMockedPreventionService() {
        engine = EXTENSION.getProcessEngine();
        glue = new PreventionTicketGlue();
        ENGINE.use(glue.beans());
        BpmnAwareTests.init(engine);
    }

    @Test
    void aTicket_showsTheKnowledgeTeamTheAffectedCases_andRecordsWhatTheyDid() {
        when(glue.prevention.linkedCaseLines(12L))
                .thenReturn("CASE-000001 · Checkout spins forever\nCASE-000007 · Cannot pay by card");

        String id = glue.starter(engine).start(12L, "checkout-broken");
        ProcessInstance pi = instance(id);

        assertThat(pi.getBusinessKey()).isEqualTo("PREV-12");
        assertThat(pi)
                .isWaitingAt("Task_Prevention")
                .variables()
                .containsEntry("ticketId", 12L)
                .containsEntry("tag", "checkout-broken");
        Task task = task(pi);
        assertThat(task).hasCandidateGroup("knowledge");
        assertThat(engine.getTaskService().getVariableLocal(task.getId(), "linkedCases"))
                .isEqualTo("CASE-000001 · Checkout spins forever\nCASE-000007 · Cannot pay by card");
        verify(glue.prevention, never()).complete(anyLong(), anyString(), anyString(), any());

        engine.getTaskService()
                .complete(task.getId(), Map.of("action", "faq", "preventionNote", "FAQ entry on card checkout added."));

        verify(glue.prevention).complete(12L, "faq", "FAQ entry on card checkout added.", null);
        assertThat(pi).isEnded().hasPassed("Task_Prevention", "Task_CompletePrevention", "EndEvent_TicketDone");
    }

    @Test
    void aCaseJoiningWhileTheTaskIsOpen_appearsOnTheOpenTask_andTheKnowledgeTeamsAnswerStillCounts() {
        when(glue.prevention.linkedCaseLines(14L)).thenReturn("CASE-000002 · Checkout spins forever");
        var starter = glue.starter(engine);
        ProcessInstance pi = instance(starter.start(14L, "checkout-broken"));
        Task task = task(pi);

        starter.linkedCasesChanged(
                pi.getId(), "CASE-000002 · Checkout spins forever\nCASE-000009 · The pay button does nothing");

        assertThat(engine.getTaskService().getVariableLocal(task.getId(), "linkedCases"))
                .isEqualTo("CASE-000002 · Checkout spins forever\nCASE-000009 · The pay button does nothing");
        assertThat(task(pi).getId()).as("the same task, updated").isEqualTo(task.getId());
        engine.getTaskService()
                .complete(
                        task.getId(),
                        Map.of(
                                "action", "kb-article",
                                "preventionNote", "Article on card checkout.",
                                "articleTitle", "Paying by card at checkout",
                                "articleBody", "If the pay button does nothing, clear the cart and try again.",
                                "articleTags", " checkout-broken, ,refund "));
        verify(glue.prevention)
                .complete(
                        14L,
                        "kb-article",
                        "Article on card checkout.",
                        new ArticleDraft(
                                "Paying by card at checkout",
                                "If the pay button does nothing, clear the cart and try again.",
                                List.of("checkout-broken", "refund")));
        assertThat(pi).isEnded();
    }

    @Test
    void whenTheOutcomeCannotBeRecorded_theTaskStaysOpen_andCanBeCompletedAgain() {
        doThrow(new IllegalStateException("database unavailable"))
                .when(glue.prevention)
                .complete(13L, "automation", "Renewal retries added.", null);
        ProcessInstance pi = instance(glue.starter(engine).start(13L, "payment-renewal-failure"));
        Task task = task(pi);
        Map<String, Object> answer = Map.of("action", "automation", "preventionNote", "Renewal retries added.");

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), answer))
                .hasMessageContaining("database unavailable");
        assertThat(pi).isWaitingAt("Task_Prevention").hasNotPassed("Task_CompletePrevention");
        assertThat(task(pi).getId()).isEqualTo(task.getId());

        doNothing().when(glue.prevention).complete(13L, "automation", "Renewal retries added.", null);
        engine.getTaskService().complete(task.getId(), answer);
        verify(glue.prevention, times(2)).complete(13L, "automation", "Renewal retries added.", null);
        assertThat(pi).isEnded().hasPassed("EndEvent_TicketDone");
    }

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(id)
                .singleResult();
    }
}
