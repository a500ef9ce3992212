package io.casedesk.supportcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.casedesk.PlainEngine;
import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseSla;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.Channel;
import io.casedesk.cases.NewCase;
import io.casedesk.cases.SupportCase;
import io.casedesk.cases.Triage;
import io.casedesk.intake.CaseReadyForTriage;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TriageInput;
import io.casedesk.mail.MailKind;
import io.casedesk.mail.ManagerNotice;
import io.casedesk.orders.OrderFacts;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaDecision;
import io.casedesk.sla.SlaTarget;
import io.casedesk.sla.SlaWarning;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of support-case on a plain in-memory engine: the real model, the real decision tables of dmn/ and the
 * real delegates and listeners, built on mocked feature services (SupportCaseGlue). Timers are fired by moving the
 * engine's clock to their due date and running their job, as the job executor would. Flow-node coverage of the
 * class must reach 90 %.
 */
class SupportCaseFlowTest {

    /** Deployed once for the class (each test has cases of its own), so a test costs milliseconds, not a parse. */
    private static final List<String> MODELS = List.of(
            "bpmn/support-case.bpmn",
            "dmn/case-category.dmn",
            "dmn/compliance-check.dmn",
            "dmn/case-priority.dmn",
            "dmn/sla-targets.dmn",
            "dmn/routing.dmn",
            "dmn/escalation.dmn",
            "dmn/manager-notification.dmn",
            "dmn/automatic-answer.dmn",
            "forms/phone-case.form",
            "forms/case-work.form",
            "forms/case-escalated.form",
            "forms/csat-recovery.form");

    /** Monday 10:00 in Berlin: the business-hours calendar of application.yaml (9-17, Monday to Friday) is open. */
    private static final Instant START = PlainEngine.MONDAY_MORNING;

    /** 4 working hours after the start: Monday 14:00 in Berlin. */
    private static final Instant RESPONSE_DUE = START.plus(Duration.ofHours(4));

    /** 24 working hours after the start (7 on Monday, 8 each on Tuesday and Wednesday, 1 on Thursday). */
    private static final Instant RESOLUTION_DUE = Instant.parse("2025-03-06T09:00:00Z");

    private static final AtomicInteger REFERENCES = new AtomicInteger();

    private static SupportCaseGlue glue;
    private static final PlainEngine ENGINE =
            PlainEngine.named("support-case-flow-test", SupportCaseGlue.decisionTimeline(() -> glue));

    @RegisterExtension
    static final ProcessEngineCoverageExtension EXTENSION = ENGINE.withCoverageAtLeast(0.9);

    private ProcessEngine engine;
    private SupportCaseGlue.Messages flow;

    @BeforeEach
    void glueOnMockedServices() {
        engine = EXTENSION.getProcessEngine();
        if (engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("support-case")
                        .count()
                == 0) {
            var deployment = engine.getRepositoryService().createDeployment().name("support-case");
            MODELS.forEach(deployment::addClasspathResource);
            deployment.deploy();
        }
        glue = new SupportCaseGlue();
        ENGINE.use(glue.beans(engine));
        flow = glue.messages(engine);
        BpmnAwareTests.init(engine);
        PlainEngine.now(START);
    }

    // ------------------------------------------------------------------------------------------------- triage

    @Test
    void happyPath_triagesResolvesConfirmsClosesAndSurveys() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "Where is my parcel? My order has not arrived yet.");
        ProcessInstance pi = instance(ref);

        assertThat(pi)
                .isWaitingAt("Task_Troubleshoot")
                .hasPassed(
                        "Task_RegisterCase",
                        "Task_Classify",
                        "Task_CheckCompliance",
                        "Task_DecidePriority",
                        "Task_DecideSlaTargets",
                        "Task_ScheduleSla",
                        "Task_DecideRouting",
                        "Task_DecideTriageEscalation",
                        "Task_RecordTriage",
                        "Task_SendAcknowledgement")
                .variables()
                .containsEntry("intent", "delivery-delay")
                .containsEntry("category", "delivery")
                .containsEntry("priority", "P3")
                .containsEntry("candidateGroup", "tier1")
                .containsEntry("escalate", false)
                .containsEntry("escalationLevel", 0)
                .containsEntry("responseDueAt", Date.from(RESPONSE_DUE))
                .containsEntry("resolutionDueAt", Date.from(RESOLUTION_DUE))
                .doesNotContainKey("caseText");
        verify(glue.intake).awaitsItsFlow(ref, pi.getId());
        verify(glue.intake).attachProcess(ref, pi.getId());
        verify(glue.slaClock).start(ref, new SlaDecision("PT4H", "PT24H", "business-hours", 0.75, 0.9));
        verify(glue.cases).recordTriage(ref, new Triage("medium", "delivery-delay", "delivery", false, "P3", "tier1"));
        verify(glue.mail).queue(ref, MailKind.ACKNOWLEDGEMENT);
        verify(glue.cases)
                .recordEvent(
                        eq(ref),
                        eq(CaseEventType.DECISION),
                        contains("case-category v1 rule Rule_Category_DeliveryDelay"));
        verify(glue.cases)
                .recordEvent(
                        eq(ref),
                        eq(CaseEventType.DECISION),
                        contains("automatic-answer v1 rule Rule_AutomaticAnswer_Otherwise"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("sla-targets v1 rule Rule_Sla_P3_Email"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("routing v1 rule Rule_Routing_Tier1"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("escalation v1 rule Rule_Escalation_None"));

        Task troubleshoot = task(pi);
        assertThat(troubleshoot)
                .hasDefinitionKey("Task_Troubleshoot")
                .hasCandidateGroup("tier1")
                .hasDueDate(Date.from(RESOLUTION_DUE));
        assertThat(troubleshoot.getPriority()).isEqualTo(50);
        assertThat(troubleshoot.getFollowUpDate()).isEqualTo(Date.from(RESPONSE_DUE));
        assertThat(engine.getTaskService().getVariablesLocal(troubleshoot.getId()))
                .containsEntry("customerEmail", "ana@example.com")
                .containsEntry("subject", "Where is my parcel?")
                .containsEntry("priority", "P3")
                .containsEntry("sentimentText", "0.00 (neutral)");

        engine.getIdentityService().setAuthenticatedUserId("alice");
        try {
            complete(pi, resolved("We have re-sent your parcel.", "delivery-delay", false));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(pi)
                .isWaitingAt("Gateway_AwaitConfirmation")
                .hasPassed("Task_RecordAgentWork", "Task_RecordResolution", "Task_SendResolution");
        var order = inOrder(glue.cases, glue.slaClock, glue.mail);
        order.verify(glue.cases).recordAgentReply(ref, "alice", "resolved", "We have re-sent your parcel.");
        order.verify(glue.slaClock).met(ref, SlaTarget.RESPONSE);
        order.verify(glue.cases).recordResolution(ref, "Parcel re-sent", List.of("delivery-delay"), false);
        order.verify(glue.slaClock).met(ref, SlaTarget.RESOLUTION);
        order.verify(glue.mail).queue(ref, MailKind.RESOLUTION);

        assertThat(flow.resolutionAnswered(ref, true)).isTrue();
        assertThat(pi)
                .isWaitingAt("Gateway_AwaitSurvey")
                .hasPassed("Event_ResolutionConfirmed", "Task_NoteConfirmed", "EndEvent_Resolved", "Task_CloseCase");
        verify(glue.cases).recordEvent(ref, CaseEventType.CONFIRMED, "The customer confirmed the fix");
        verify(glue.cases).close(ref);
        verify(glue.mail).queue(ref, MailKind.SURVEY);
        assertThat(flow.resolutionAnswered(ref, true))
                .as("nothing waits for a second answer")
                .isFalse();

        assertThat(flow.surveyAnswered(ref, 5)).isTrue();
        assertThat(pi)
                .isEnded()
                .hasPassed("Event_SurveyAnswered", "EndEvent_CaseClosed")
                .hasNotPassed("Task_CsatRecovery", "Task_RequestPrevention", "Task_ApplyEscalation");
        verify(glue.prevention, never()).requestFor(anyString(), any());
        verify(glue.mail, never()).notifyManagers(anyString(), any());
        verify(glue.cases, never()).recordEscalation(anyString(), anyString(), anyInt(), anyString(), anyBoolean());
    }

    @Test
    void triageEscalation_aFuriousVipGoesToTier2_andTheManagerIsTold() {
        when(glue.cases.timeline(anyString()))
                .thenReturn(List.of(new CaseEvent(START, CaseEventType.ESCALATED, "to tier2 (level 1) by triage")));
        String ref = open(Channel.CHAT, "vip", -0.8, "Still no refund. This is terrible, the worst service ever.");
        ProcessInstance pi = instance(ref);

        assertThat(pi)
                .hasPassed("Task_DecideTriageEscalation", "Task_ApplyEscalation", "Task_NotifyManager")
                .hasNotPassed("Task_Troubleshoot")
                .variables()
                .containsEntry("priority", "P2")
                .containsEntry("escalationLevel", 1)
                .containsEntry("currentGroup", "tier2");
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_VipNegative"));
        verify(glue.cases).recordEscalation(ref, "tier2", 1, "triage", true);
        assertThat(notices(ref))
                .as("a VIP's escalation reaches the managers at once, linked to the case's flow")
                .containsExactly(
                        new ManagerNotice("escalation", "by triage", "tier2", List.of("managers"), true, pi.getId()));
        verify(glue.cases)
                .recordEvent(
                        eq(ref),
                        eq(CaseEventType.DECISION),
                        contains("manager-notification v1 rule Rule_Notify_VipEscalation"));
        Task escalated = task(pi);
        assertThat(escalated).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
        assertThat(engine.getTaskService().getVariableLocal(escalated.getId(), "escalationReason"))
                .isEqualTo("to tier2 (level 1) by triage");
    }

    @Test
    void phoneCaseFromTheStartForm_becomesACase_whoseReferenceIsTheBusinessKey() {
        var stored = supportCase("CASE-PHONE-1", Channel.PHONE, "standard", 0.0);
        when(glue.intake.openFromStartForm(any()))
                .thenReturn(new IntakeService.OpenedFromForm(
                        stored, new TriageInput("Refund please\nI want my money back.", 2)));
        when(glue.cases.get(stored.reference())).thenReturn(stored);

        var variables = new HashMap<String, Object>();
        variables.putAll(Map.of(
                "customerEmail",
                " Caller@Example.com ",
                "customerName",
                "Carl",
                "customerTier",
                "standard",
                "subject",
                "Refund please",
                "description",
                "I want my money back.",
                "orderId",
                "",
                "severity",
                ""));
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("support-case", variables);

        assertThat(pi.getBusinessKey()).isEqualTo("CASE-PHONE-1");
        var opened = ArgumentCaptor.forClass(NewCase.class);
        verify(glue.intake).openFromStartForm(opened.capture());
        assertThat(opened.getValue())
                .isEqualTo(new NewCase(
                        Channel.PHONE,
                        "caller@example.com",
                        "Carl",
                        "standard",
                        "Refund please",
                        "I want my money back.",
                        null,
                        null,
                        List.of(),
                        0.0,
                        null));
        verify(glue.intake).attachProcess("CASE-PHONE-1", pi.getId());
        assertThat(pi)
                .isWaitingAt("Task_Troubleshoot")
                .variables()
                .doesNotContainKeys("subject", "description", "customerEmail", "customerName", "orderId")
                .containsEntry("caseReference", "CASE-PHONE-1")
                .containsEntry("channel", "phone")
                .containsEntry("recentCaseCount", 2)
                .containsEntry("intent", "refund-request");
    }

    @Test
    void theAgentWhoOpensAPhoneCase_getsItsTask_namedByReferencePriorityAndSubject() {
        String agent = "phoneagent" + REFERENCES.incrementAndGet();
        var identity = engine.getIdentityService();
        identity.saveUser(identity.newUser(agent));
        for (String group : List.of("tier1", "tier2", "specialists")) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            identity.createMembership(agent, group);
        }
        ProcessInstance pi = startPhoneCase(agent, "CASE-PHONE-2");

        Task task = task(pi);
        assertThat(task).hasDefinitionKey("Task_Troubleshoot").isAssignedTo(agent);
        org.assertj.core.api.Assertions.assertThat(task.getName()).isEqualTo("CASE-PHONE-2 · P3 · Where is my parcel?");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getVariablesLocal(task.getId()))
                .containsEntry("reference", "CASE-PHONE-2")
                .doesNotContainKey("caseReference")
                .containsEntry("channel", "phone")
                .containsEntry("customerName", "Ana")
                .containsEntry("nextDeadlineText", "response 03-03 13:00 UTC")
                .containsEntry("breachingSoon", false)
                .containsKey("conversationText");
        verify(glue.cases)
                .recordEvent(
                        "CASE-PHONE-2", CaseEventType.ASSIGNED, "Given to " + agent + ", who opened it on the phone");
        // only the first task: the variable naming her is gone
        assertThat(pi).variables().doesNotContainKey("phoneAgent");
    }

    @Test
    void aPhoneCaseOpenedBySomeoneOutsideTheRoutedGroup_waitsInTheGroupsList_andSaysWhy() {
        String agent = "phoneoutsider" + REFERENCES.incrementAndGet();
        engine.getIdentityService().saveUser(engine.getIdentityService().newUser(agent));

        ProcessInstance pi = startPhoneCase(agent, "CASE-PHONE-3");

        Task task = task(pi);
        org.assertj.core.api.Assertions.assertThat(task.getAssignee()).isNull();
        verify(glue.cases).recordEvent(eq("CASE-PHONE-3"), eq(CaseEventType.ASSIGNED), contains("who is not in"));
    }

    private ProcessInstance startPhoneCase(String agent, String reference) {
        var stored = supportCase(reference, Channel.PHONE, "standard", 0.0);
        when(glue.intake.openFromStartForm(any()))
                .thenReturn(new IntakeService.OpenedFromForm(
                        stored, new TriageInput("Refund please\nI want my money back.", 0)));
        when(glue.cases.get(reference)).thenReturn(stored);
        engine.getIdentityService().setAuthentication(agent, List.of());
        try {
            return engine.getRuntimeService()
                    .startProcessInstanceByKey(
                            "support-case",
                            Map.of(
                                    "customerEmail", "caller@example.com",
                                    "customerName", "Carl",
                                    "subject", "Refund please",
                                    "description", "I want my money back."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aStartThatWouldTakeOverACaseWithAFlow_isRefused() {
        var existing = supportCase(nextReference(), Channel.EMAIL, "standard", 0.0);
        when(glue.intake.awaitsItsFlow(eq(existing.reference()), anyString())).thenReturn(false);

        assertThatThrownBy(
                        () -> glue.starter(engine).start(new CaseReadyForTriage(existing, new TriageInput("Hello", 0))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("already has its flow");
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(existing.reference())
                        .count())
                .isZero();
        verify(glue.cases, never()).recordTriage(anyString(), any());
        verify(glue.intake, never()).attachProcess(anyString(), anyString());
    }

    // ------------------------------------------------------------------------------------------ agent's answer

    @Test
    void invalidAgentAnswers_areRefused_andTheTaskStaysOpen() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "Where is my order? It did not arrive.");
        ProcessInstance pi = instance(ref);
        Task troubleshoot = task(pi);

        assertThatThrownBy(() -> complete(pi, Map.of("outcome", "closed", "reply", "x")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("outcome");
        assertThatThrownBy(() -> complete(pi, resolved("Done.", "not-a-tag", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("not-a-tag");
        assertThatThrownBy(() -> complete(pi, Map.of("outcome", "resolved", "reply", "Done.", "tags", "other")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("resolution");
        assertThatThrownBy(() -> complete(pi, Map.of("outcome", "need_info", "reply", " ")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reply");

        assertThat(task(pi).getId()).isEqualTo(troubleshoot.getId());
        verify(glue.cases, never()).recordAgentReply(anyString(), any(), anyString(), any());
        verify(glue.slaClock, never()).met(anyString(), any());
    }

    @Test
    void agentEscalation_withAReply_sendsIt_andMovesUpTier1ToTier2ToSpecialists_thenTellsTheManager() {
        String ref = open(Channel.WEB, "standard", 0.0, "The app shows an error and crashes when I open it.");
        ProcessInstance pi = instance(ref);
        assertThat(task(pi)).hasCandidateGroup("tier1");

        complete(pi, Map.of("outcome", "escalate", "reply", "A colleague will take over.", "knowledgeGap", false));
        assertThat(pi)
                .hasPassed("Task_SendEscalationReply", "Task_EvaluateEscalation", "Task_ApplyEscalation")
                .hasNotPassed("Task_NotifyManager");
        verify(glue.mail).queue(ref, MailKind.AGENT_REPLY);
        verify(glue.slaClock).met(ref, SlaTarget.RESPONSE);
        verify(glue.cases).recordEscalation(ref, "tier2", 1, "agent", false);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");

        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));
        verify(glue.cases).recordEscalation(ref, "specialists", 2, "agent", false);
        verify(glue.mail, times(1)).queue(ref, MailKind.AGENT_REPLY);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");

        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));
        verify(glue.cases).recordEscalation(ref, "specialists", 3, "agent", true);
        assertThat(notices(ref))
                .containsExactly(new ManagerNotice(
                        "escalation", "by agent", "specialists", List.of("managers"), false, pi.getId()));
        assertThat(pi).hasPassed("Task_NotifyManager");
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_AgentTier1"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_AgentTier2"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_AgentSpecialists"));
    }

    @Test
    void aTableThatDeclinesTheEscalation_sendsTheCaseBackToTheAgentsQueue() {
        String ref = open(Channel.WEB, "standard", 0.0, "The app shows an error and crashes when I open it.");
        ProcessInstance pi = instance(ref);
        EXTENSION.manageDeployment(engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("supportcase/escalation-never.dmn")
                .deploy());

        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));

        assertThat(pi)
                .hasPassed("Task_EvaluateEscalation", "Gateway_JoinBackToAgent")
                .hasNotPassed("Task_ApplyEscalation");
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot").hasCandidateGroup("tier1");
        verify(glue.cases, never()).recordEscalation(anyString(), anyString(), anyInt(), anyString(), anyBoolean());
    }

    // ------------------------------------------------------------------------------------ waiting on the customer

    @Test
    void needInfo_pausesTheSlaClock_andTheCustomersReplyResumesItWithEveryDeadlineMovedByThePause() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "The shoes I got are the wrong size.");
        ProcessInstance pi = instance(ref);
        Map<String, Instant> before = slaTimers(pi);
        assertThat(before)
                .hasSize(6)
                .containsEntry("BoundaryEvent_ResponseDue", RESPONSE_DUE)
                // 90 % of 24 working hours: 21.6 hours, Wednesday 15:36 in Berlin
                .containsEntry("BoundaryEvent_ResolutionFinalWarning", Instant.parse("2025-03-05T14:36:00Z"))
                .containsEntry("BoundaryEvent_ResolutionDue", RESOLUTION_DUE);

        complete(pi, Map.of("outcome", "need_info", "reply", "Which size did you order?", "knowledgeGap", false));
        assertThat(pi).isWaitingAt("Gateway_AwaitCustomer").hasPassed("Task_SendInfoRequest", "Task_PauseSla");
        verify(glue.mail).queue(ref, MailKind.INFO_REQUEST);
        verify(glue.slaClock).pause(ref);

        Duration pause = Duration.ofHours(2);
        PlainEngine.now(START.plus(Duration.ofHours(3)));
        var resumed = new SlaClock.Resumed(
                START.plus(Duration.ofHours(1)),
                START.plus(Duration.ofHours(3)),
                "business-hours",
                START.plus(Duration.ofHours(6)),
                START.plus(Duration.ofHours(26)));
        when(glue.slaClock.resume(ref)).thenReturn(resumed);
        when(glue.slaClock.shifted(any(), eq(resumed)))
                .thenAnswer(call -> call.<Instant>getArgument(0).plus(pause));

        assertThat(flow.customerReplied(ref)).isTrue();
        assertThat(pi)
                .hasPassed("Event_CustomerReplied", "Task_ResumeSla")
                .hasNotPassed("Task_NoteCustomerSilent")
                .variables()
                .containsEntry("responseDueAt", Date.from(START.plus(Duration.ofHours(6))))
                .containsEntry("resolutionDueAt", Date.from(START.plus(Duration.ofHours(26))));
        Map<String, Instant> after = slaTimers(pi);
        assertThat(after).hasSize(6);
        before.forEach((timer, due) -> assertThat(after.get(timer)).as(timer).isEqualTo(due.plus(pause)));
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot").hasCandidateGroup("tier1");
        assertThat(flow.customerReplied(ref))
                .as("nobody waits for another reply")
                .isFalse();
    }

    @Test
    void needInfo_withoutAReplyInTime_goesBackToTheEscalatedGroup() {
        String ref = open(Channel.WEB, "standard", 0.0, "There is a bug in the export, it shows an error.");
        ProcessInstance pi = instance(ref);
        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));
        complete(pi, Map.of("outcome", "need_info", "reply", "Which file did you export?", "knowledgeGap", false));
        when(glue.slaClock.resume(ref))
                .thenReturn(new SlaClock.Resumed(
                        START,
                        START.plus(Duration.ofDays(5)),
                        "business-hours",
                        START.plus(Duration.ofHours(8)),
                        START.plus(Duration.ofHours(24))));
        when(glue.slaClock.shifted(any(), any())).thenAnswer(call -> call.getArgument(0));

        assertThat(timerDue(pi, "Event_CustomerSilent")).isEqualTo(START.plus(Duration.ofDays(5)));
        fire(pi, "Event_CustomerSilent");

        assertThat(pi)
                .hasPassed("Task_NoteCustomerSilent", "Task_ResumeSla", "Gateway_WhichAgent")
                .hasNotPassed("Event_CustomerReplied");
        verify(glue.cases)
                .recordEvent(
                        ref,
                        CaseEventType.CUSTOMER_SILENT,
                        "The customer did not reply in time; the case is back with the agent");
        verify(glue.slaClock).resume(ref);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
    }

    // ------------------------------------------------------------------------------------ the customer's answer

    @Test
    void stillBroken_reopensAsARepeatFailure_toTier2_andTheSecondTimeToSpecialistsAndTheManager() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "My card payment failed at renewal.");
        ProcessInstance pi = instance(ref);
        assertThat(pi).variables().containsEntry("priority", "P2").containsEntry("candidateGroup", "tier1");
        complete(pi, resolved("We reset your payment method.", "payment-renewal-failure", false));

        assertThat(flow.resolutionAnswered(ref, false)).isTrue();
        assertThat(pi)
                .hasPassed("Event_ResolutionRejected", "Task_RecordReopen", "Task_EvaluateEscalation")
                .hasNotPassed("Task_CloseCase")
                .variables()
                .containsEntry("reopenCount", 1)
                .containsEntry("resolved", false);
        verify(glue.cases).recordReopen(ref, "still broken");
        verify(glue.slaClock).reopened(ref);
        verify(glue.cases).recordEscalation(ref, "tier2", 1, "reopen", false);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");

        complete(pi, resolved("We refunded and renewed by hand.", "payment-renewal-failure", false));
        assertThat(flow.resolutionAnswered(ref, false)).isTrue();
        assertThat(pi).variables().containsEntry("reopenCount", 2);
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_ReopenTier1"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_RepeatedFailure"));
        verify(glue.cases).recordEscalation(ref, "specialists", 2, "reopen", true);
        assertThat(notices(ref))
                .containsExactly(new ManagerNotice(
                        "escalation", "by reopen", "specialists", List.of("managers"), false, pi.getId()));
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
    }

    @Test
    void noAnswerToTheResolution_countsAsConfirmed_andNoSurveyAnswerEndsTheCase() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "Please change my delivery address.");
        ProcessInstance pi = instance(ref);
        complete(pi, resolved("Address changed.", "account-change", false));
        PlainEngine.now(START.plus(Duration.ofMinutes(10)));

        assertThat(timerDue(pi, "Event_ConfirmationTimeout")).isEqualTo(START.plus(Duration.ofDays(3)));
        fire(pi, "Event_ConfirmationTimeout");
        assertThat(pi)
                .hasPassed("Task_NoteSilentConfirmation", "EndEvent_Resolved", "Task_CloseCase")
                .isWaitingAt("Gateway_AwaitSurvey");
        verify(glue.cases)
                .recordEvent(ref, CaseEventType.CONFIRMED, "No answer from the customer in time; counted as confirmed");
        verify(glue.cases).close(ref);
        assertThat(flow.resolutionAnswered(ref, true))
                .as("a late click changes nothing")
                .isFalse();

        assertThat(timerDue(pi, "Event_SurveyTimeout")).isEqualTo(START.plus(Duration.ofDays(10)));
        fire(pi, "Event_SurveyTimeout");
        assertThat(pi)
                .isEnded()
                .hasPassed("Task_NoteSurveyTimeout", "EndEvent_CaseClosed")
                .hasNotPassed("Event_SurveyAnswered", "Task_CsatRecovery");
        verify(glue.cases).recordEvent(ref, CaseEventType.SURVEY_TIMEOUT, "The customer did not answer the survey");
        assertThat(flow.surveyAnswered(ref, 1)).as("a late score is not taken").isFalse();
    }

    @Test
    void aLowScore_opensARecoveryTaskForManagers_whichTheLaterCommentReaches() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "The lamp arrived damaged.");
        ProcessInstance pi = instance(ref);
        complete(pi, resolved("Replacement sent.", "damaged-item", false));
        flow.resolutionAnswered(ref, true);

        assertThat(flow.surveyAnswered(ref, 2)).isTrue();
        Task recovery = task(pi);
        assertThat(recovery).hasDefinitionKey("Task_CsatRecovery").hasCandidateGroup("managers");
        assertThat(engine.getTaskService().getVariables(recovery.getId())).containsEntry("csatScore", 2);
        flow.surveyCommented(ref, "Too slow");
        assertThat(engine.getTaskService().getVariableLocal(recovery.getId(), "csatComment"))
                .isEqualTo("Too slow");

        engine.getIdentityService().setAuthenticatedUserId("maria");
        try {
            engine.getTaskService().complete(recovery.getId(), Map.of("recoveryNote", "Called her, voucher sent."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(pi).isEnded().hasPassed("Gateway_CsatLow", "Task_CsatRecovery", "EndEvent_CaseClosed");
        verify(glue.cases).recordEvent(ref, CaseEventType.CSAT_RECOVERY, "maria: Called her, voucher sent.");
    }

    @Test
    void aKnowledgeGap_opensOrJoinsThePreventionTicketWhenTheAgentFlagsIt_notAtClose() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "The checkout page is broken, I cannot pay.");
        ProcessInstance pi = instance(ref);

        complete(pi, Map.of("outcome", "need_info", "reply", "Which card did you use?", "knowledgeGap", true));
        assertThat(pi)
                .hasPassed("Gateway_KnowledgeGap", "Task_RequestPrevention")
                .isWaitingAt("Gateway_AwaitCustomer");
        verify(glue.prevention).requestFor(ref, List.of());
        verify(glue.cases, never()).close(anyString());

        when(glue.slaClock.resume(ref))
                .thenReturn(new SlaClock.Resumed(START, START, "business-hours", RESPONSE_DUE, RESOLUTION_DUE));
        when(glue.slaClock.shifted(any(), any())).thenAnswer(call -> call.getArgument(0));
        flow.customerReplied(ref);
        complete(pi, resolved("Paid by invoice instead.", "checkout-broken", true));
        var order = inOrder(glue.cases, glue.prevention, glue.mail);
        order.verify(glue.prevention).requestFor(ref, List.of("checkout-broken"));
        order.verify(glue.cases).recordResolution(ref, "Parcel re-sent", List.of("checkout-broken"), true);
        order.verify(glue.mail).queue(ref, MailKind.RESOLUTION);

        flow.resolutionAnswered(ref, true);
        assertThat(pi).hasPassed("Task_CloseCase").isWaitingAt("Gateway_AwaitSurvey");
        verify(glue.prevention, times(2)).requestFor(eq(ref), any());
    }

    @Test
    void anAnswerWithoutTheGapFlag_asksNoPreventionTicket() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "The checkout page is broken, I cannot pay.");
        ProcessInstance pi = instance(ref);

        complete(pi, resolved("Paid by invoice instead.", "checkout-broken", false));

        assertThat(pi)
                .hasPassed("Gateway_KnowledgeGap", "Gateway_JoinKnowledgeGap")
                .hasNotPassed("Task_RequestPrevention");
        verify(glue.prevention, never()).requestFor(anyString(), any());
    }

    // ---------------------------------------------------------------------------------------------- SLA clock

    @Test
    void stagedWarnings_warnTheGroupFirst_andTheManagerAtTheFinalStage() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "Could you explain the lines of my invoice?");
        ProcessInstance pi = instance(ref);
        assertThat(task(pi).getPriority()).isEqualTo(50);

        fire(pi, "BoundaryEvent_ResponseFirstWarning");
        assertThat(pi)
                .hasPassed("Task_WarnResponseFirst", "Task_NotifyResponseAtRisk")
                .isWaitingAt("Task_Troubleshoot");
        verify(glue.slaClock).warn(ref, SlaTarget.RESPONSE, SlaWarning.Stage.FIRST, false, false);
        assertThat(task(pi).getPriority()).isEqualTo(60);
        verify(glue.mail, never()).notifyManagers(anyString(), any());
        verify(glue.cases)
                .recordEvent(
                        eq(ref),
                        eq(CaseEventType.DECISION),
                        contains("manager-notification v1 rule Rule_Notify_FirstWarningP3: notify=false"));

        fire(pi, "BoundaryEvent_ResponseFinalWarning");
        assertThat(pi)
                .hasPassed("Task_WarnResponseFinal", "Task_NotifyResponseAtRisk", "EndEvent_ResponseManagerWarned");
        verify(glue.slaClock).warn(ref, SlaTarget.RESPONSE, SlaWarning.Stage.FINAL, false, false);
        assertThat(task(pi).getPriority()).isEqualTo(80);
        assertThat(notices(ref))
                .containsExactly(new ManagerNotice(
                        "sla-warning",
                        "first response, final warning",
                        "tier1",
                        List.of("managers"),
                        false,
                        pi.getId()));

        fire(pi, "BoundaryEvent_ResolutionFirstWarning");
        fire(pi, "BoundaryEvent_ResolutionFinalWarning");
        assertThat(pi)
                .hasPassed(
                        "Task_WarnResolutionFirst",
                        "Task_WarnResolutionFinal",
                        "Task_NotifyResolutionAtRisk",
                        "EndEvent_ResolutionManagerWarned");
        verify(glue.slaClock).warn(ref, SlaTarget.RESOLUTION, SlaWarning.Stage.FIRST, false, false);
        verify(glue.slaClock).warn(ref, SlaTarget.RESOLUTION, SlaWarning.Stage.FINAL, false, false);
        assertThat(task(pi).getPriority()).isEqualTo(100);
        assertThat(notices(ref))
                .extracting(ManagerNotice::detail)
                .containsExactly("first response, final warning", "resolution, final warning");
    }

    @Test
    void warningsAndDeadlinesOfTargetsAlreadyMet_endQuietly() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "How do I change my password?");
        ProcessInstance pi = instance(ref);
        complete(pi, resolved("Use the reset link.", "how-to", false));

        for (String timer : List.of(
                "BoundaryEvent_ResponseFirstWarning",
                "BoundaryEvent_ResponseFinalWarning",
                "BoundaryEvent_ResponseDue",
                "BoundaryEvent_ResolutionFirstWarning",
                "BoundaryEvent_ResolutionFinalWarning",
                "BoundaryEvent_ResolutionDue")) {
            fire(pi, timer);
        }

        assertThat(pi)
                .isWaitingAt("Gateway_AwaitConfirmation")
                .hasPassed(
                        "EndEvent_ResponseNoLongerAtRisk",
                        "EndEvent_ResolutionNoLongerAtRisk",
                        "EndEvent_ResponseMet",
                        "EndEvent_ResolutionMet")
                .hasNotPassed(
                        "Task_NotifyResponseAtRisk",
                        "Task_NotifyResolutionAtRisk",
                        "Task_RecordResponseBreach",
                        "Task_RecordResolutionBreach");
        // the SLA clock is asked with both targets met, so no warning is issued (nor written on the timeline)
        for (SlaTarget target : SlaTarget.values()) {
            for (SlaWarning.Stage stage : SlaWarning.Stage.values()) {
                verify(glue.slaClock).warn(ref, target, stage, true, true);
            }
        }
        verify(glue.slaClock, never()).warn(eq(ref), any(), any(), eq(false), anyBoolean());
        verify(glue.slaClock, never()).warn(eq(ref), any(), any(), anyBoolean(), eq(false));
        verify(glue.slaClock, never()).breached(anyString(), any());
        verify(glue.mail, never()).notifyManagers(anyString(), any());
    }

    @Test
    void aResponseBreach_isRecorded_toldToTheManager_andPullsTheCaseOutOfTier1IntoEscalation() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "Question about my invoice lines.");
        ProcessInstance pi = instance(ref);
        assertThat(timerDue(pi, "BoundaryEvent_ResponseDue")).isEqualTo(RESPONSE_DUE);

        fire(pi, "BoundaryEvent_ResponseDue");

        assertThat(pi)
                .hasPassed(
                        "Gateway_ResponseMet",
                        "Task_RecordResponseBreach",
                        "Task_BreachEscalation",
                        "Task_NotifyBreach",
                        "Task_RequestSlaEscalation",
                        "EndEvent_BreachHandled",
                        "BoundaryEvent_SlaEscalation",
                        "Task_ApplyEscalation",
                        "Task_NotifyManager")
                .hasNotPassed("BoundaryEvent_SlaReEscalation")
                .variables()
                .containsEntry("slaBreached", true)
                .containsEntry("slaEscalationPending", false)
                .containsEntry("escalationLevel", 1);
        var order = inOrder(glue.slaClock, glue.mail, glue.cases);
        order.verify(glue.slaClock).breached(ref, SlaTarget.RESPONSE);
        order.verify(glue.cases).recordEscalation(ref, "tier2", 1, "sla_breach", true);
        order.verify(glue.mail).notifyManagers(eq(ref), any());
        assertThat(notices(ref))
                .as("one notice, at once, naming the group the case is with now; the escalation is in it")
                .containsExactly(new ManagerNotice("sla-breach", null, "tier2", List.of("managers"), true, pi.getId()));
        verify(glue.cases)
                .recordEvent(
                        eq(ref),
                        eq(CaseEventType.DECISION),
                        contains("manager-notification v1 rule Rule_Notify_EscalationAfterBreach"));
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_SlaBreachTier1"));
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
    }

    @Test
    void aResolutionBreach_whileTier2HoldsTheCase_movesItToSpecialists_andTheNoticeNamesThem() {
        String ref = open(Channel.WEB, "standard", 0.0, "Error on start, the app crashes.");
        ProcessInstance pi = instance(ref);
        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));
        Task withTier2 = task(pi);
        assertThat(withTier2).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");

        fire(pi, "BoundaryEvent_ResolutionDue");

        assertThat(pi)
                .hasPassed(
                        "Gateway_ResolutionMet",
                        "Task_RecordResolutionBreach",
                        "Task_BreachEscalation",
                        "Task_RequestSlaEscalation",
                        "BoundaryEvent_SlaReEscalation",
                        "Task_ApplyEscalation",
                        "Task_NotifyBreach",
                        "EndEvent_BreachHandled")
                .variables()
                .containsEntry("currentGroup", "specialists")
                .containsEntry("escalationLevel", 2)
                .containsEntry("slaEscalationPending", false);
        verify(glue.slaClock).breached(ref, SlaTarget.RESOLUTION);
        verify(glue.cases)
                .recordEvent(eq(ref), eq(CaseEventType.DECISION), contains("rule Rule_Escalation_SlaBreach:"));
        verify(glue.cases).recordEscalation(ref, "specialists", 2, "sla_breach", true);
        assertThat(engine.getHistoryService()
                        .createHistoricTaskInstanceQuery()
                        .taskId(withTier2.getId())
                        .singleResult()
                        .getEndTime())
                .as("tier 2's task ended")
                .isNotNull();
        Task withSpecialists = task(pi);
        assertThat(withSpecialists).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
        assertThat(withSpecialists.getId()).isNotEqualTo(withTier2.getId());
        assertThat(notices(ref))
                .containsExactly(
                        new ManagerNotice("sla-breach", null, "specialists", List.of("managers"), true, pi.getId()));

        complete(pi, resolved("Fixed in the new build.", "other", false));
        assertThat(pi).isWaitingAt("Gateway_AwaitConfirmation");
    }

    @Test
    void aBreach_whileTheGroupTheTableNamesHoldsTheCase_keepsItsTask_andTellsTheManagers() {
        String ref = open(Channel.WEB, "standard", 0.0, "Error on start, the app crashes.");
        ProcessInstance pi = instance(ref);
        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));
        complete(pi, Map.of("outcome", "escalate", "knowledgeGap", false));
        Task withSpecialists = task(pi);
        assertThat(withSpecialists).hasCandidateGroup("specialists");

        fire(pi, "BoundaryEvent_ResolutionDue");

        assertThat(pi)
                .hasPassed("Task_BreachEscalation", "Gateway_BreachEscalate", "Task_NotifyBreach")
                .hasNotPassed("Task_RequestSlaEscalation", "BoundaryEvent_SlaReEscalation");
        verify(glue.cases, times(2)).recordEscalation(anyString(), anyString(), anyInt(), anyString(), anyBoolean());
        assertThat(task(pi).getId()).isEqualTo(withSpecialists.getId());
        assertThat(notices(ref))
                .containsExactly(
                        new ManagerNotice("sla-breach", null, "specialists", List.of("managers"), true, pi.getId()));
    }

    @Test
    void theNotificationPolicy_groupsTheWarnings_sendsBreachesAndP1AtOnce_andExplainsEachOnTheTimeline() {
        String p3 = open(Channel.EMAIL, "standard", 0.0, "Question about my invoice lines.");
        ProcessInstance p3Flow = instance(p3);
        fire(p3Flow, "BoundaryEvent_ResponseFirstWarning");
        fire(p3Flow, "BoundaryEvent_ResponseFinalWarning");
        fire(p3Flow, "BoundaryEvent_ResponseDue");

        assertThat(notices(p3))
                .extracting(ManagerNotice::event, ManagerNotice::urgent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sla-warning", false),
                        org.assertj.core.groups.Tuple.tuple("sla-breach", true));
        assertThat(notices(p3))
                .allSatisfy(notice -> assertThat(notice.processInstanceId()).isEqualTo(p3Flow.getId()));
        for (String rule : List.of(
                "Rule_Notify_FirstWarningP3",
                "Rule_Notify_FinalWarning",
                "Rule_Notify_Breach",
                "Rule_Notify_EscalationAfterBreach")) {
            verify(glue.cases)
                    .recordEvent(eq(p3), eq(CaseEventType.DECISION), contains("manager-notification v1 rule " + rule));
        }

        String p1 = open(Channel.EMAIL, "standard", 0.0, "Urgent: the service is down for all our users.");
        ProcessInstance p1Flow = instance(p1);
        assertThat(p1Flow).variables().containsEntry("priority", "P1");
        fire(p1Flow, "BoundaryEvent_ResponseFirstWarning");
        assertThat(notices(p1))
                .containsExactly(new ManagerNotice(
                        "sla-warning",
                        "first response, first warning",
                        "tier2",
                        List.of("managers"),
                        true,
                        p1Flow.getId()));
    }

    @Test
    void aBreachThatTheTableDoesNotEscalate_isOnlyRecordedAndTold() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "Question about my invoice lines.");
        ProcessInstance pi = instance(ref);
        EXTENSION.manageDeployment(engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("supportcase/escalation-never.dmn")
                .deploy());

        fire(pi, "BoundaryEvent_ResponseDue");

        assertThat(pi)
                .hasPassed(
                        "Task_RecordResponseBreach",
                        "Task_NotifyBreach",
                        "Gateway_BreachEscalate",
                        "EndEvent_BreachHandled")
                .hasNotPassed("Task_RequestSlaEscalation", "BoundaryEvent_SlaEscalation");
        assertThat(notices(ref))
                .containsExactly(new ManagerNotice("sla-breach", null, "tier1", List.of("managers"), true, pi.getId()));
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot").hasCandidateGroup("tier1");
    }

    @Test
    void aCaseStillOnTheModelBeforeThePolicy_tellsTheManagersOfItsOldMails_atOnce() {
        var before = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("support-case-1-0-0-notice")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Old")
                .serviceTask("Task_NotifyBreach")
                .camundaDelegateExpression("${caseMail}")
                .camundaInputParameter("mailKind", "sla-breach")
                .endEvent("EndEvent_Old")
                .done();
        EXTENSION.manageDeployment(engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("support-case-1-0-0-notice.bpmn", before)
                .deploy());

        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByKey("support-case-1-0-0-notice", "CASE-OLD-1", Map.of("currentGroup", "tier2"));

        assertThat(pi).isEnded();
        assertThat(notices("CASE-OLD-1"))
                .containsExactly(new ManagerNotice("sla-breach", null, "tier2", List.of("managers"), true, pi.getId()));
        verify(glue.mail, never()).queue(anyString(), any());
    }

    // ------------------------------------------------------------------------------------ automatic answers

    private static final OrderFacts SHIPPED = new OrderFacts(
            "4521", "shipped", "DHL", "https://track.example/4521", LocalDate.parse("2025-03-05"), START);

    @Test
    void whereIsMyOrder_withKnownFacts_isAnsweredAtOnce_andTheConfirmationClosesIt() {
        when(glue.orders.find("4521")).thenReturn(Optional.of(SHIPPED));
        String ref = open(Channel.EMAIL, "standard", 0.0, "where is my order 4521?");
        ProcessInstance pi = instance(ref);

        assertThat(pi)
                .isWaitingAt("Gateway_AwaitConfirmation")
                .hasPassed(
                        "Task_SendAcknowledgement",
                        "Task_LookUpOrder",
                        "Task_DecideAutomaticAnswer",
                        "Task_AnswerAutomatically",
                        "Task_SendAutomaticAnswer")
                .hasNotPassed("Task_Troubleshoot")
                .variables()
                .containsEntry("hasOrderId", true)
                .containsEntry("orderKnown", true)
                .containsEntry("orderStatus", "shipped")
                .containsEntry("automaticAnswer", true)
                .containsEntry("answerTemplate", "order-status")
                .containsEntry("automated", true)
                .containsEntry("responded", true)
                .containsEntry("resolved", true);
        var order = inOrder(glue.cases, glue.slaClock, glue.mail);
        order.verify(glue.mail).queue(ref, MailKind.ACKNOWLEDGEMENT);
        order.verify(glue.cases)
                .recordAutomaticAnswer(
                        ref,
                        "Your order 4521 is shipped, carried by DHL. It is expected on Wednesday 5 March 2025."
                                + " You can follow it here: https://track.example/4521",
                        "Answered automatically (order-status) from the facts of order 4521");
        order.verify(glue.slaClock).met(ref, SlaTarget.RESPONSE);
        order.verify(glue.slaClock).met(ref, SlaTarget.RESOLUTION);
        order.verify(glue.mail).queue(ref, MailKind.AUTOMATIC_ANSWER);
        verify(glue.cases)
                .recordEvent(
                        eq(ref),
                        eq(CaseEventType.DECISION),
                        contains("automatic-answer v1 rule Rule_AutomaticAnswer_WhereIsMyOrder"));

        assertThat(flow.resolutionAnswered(ref, true)).isTrue();
        assertThat(pi).isWaitingAt("Gateway_AwaitSurvey").hasPassed("Task_NoteConfirmed", "Task_CloseCase");
        verify(glue.cases).close(ref);
        verify(glue.mail).queue(ref, MailKind.SURVEY);
        verify(glue.cases, never()).recordAgentReply(anyString(), any(), anyString(), any());
    }

    @Test
    void anAutomaticAnswerThatDidNotHelp_goesToTheRoutedAgents_notToEscalation_andTheNextFailureEscalates() {
        when(glue.orders.find("4521")).thenReturn(Optional.of(SHIPPED));
        String ref = open(Channel.EMAIL, "standard", 0.0, "where is my order 4521?");
        ProcessInstance pi = instance(ref);

        assertThat(flow.resolutionAnswered(ref, false)).isTrue();
        assertThat(pi)
                .hasPassed("Task_RecordReopen", "Gateway_AutomaticAnswerRejected")
                .hasNotPassed("Task_EvaluateEscalation", "Task_CloseCase")
                .variables()
                .containsEntry("reopenCount", 1)
                .containsEntry("resolved", false);
        verify(glue.cases).recordReopen(ref, "still broken");
        verify(glue.slaClock).reopened(ref);
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot").hasCandidateGroup("tier1");

        complete(pi, resolved("The parcel was stuck at the depot; it is on its way.", "delivery-delay", false));
        assertThat(flow.resolutionAnswered(ref, false)).isTrue();
        assertThat(pi).hasPassed("Task_EvaluateEscalation").variables().containsEntry("reopenCount", 2);
        verify(glue.cases).recordEscalation(ref, "specialists", 1, "reopen", true);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
    }

    @Test
    void whereIsMyOrder_withoutFacts_goesToAnAgent() {
        String ref = open(Channel.EMAIL, "standard", 0.0, "where is my order 4521?");
        ProcessInstance pi = instance(ref);

        assertThat(pi)
                .hasPassed("Task_LookUpOrder", "Task_DecideAutomaticAnswer")
                .hasNotPassed("Task_AnswerAutomatically")
                .variables()
                .containsEntry("hasOrderId", true)
                .containsEntry("orderKnown", false)
                .containsEntry("automaticAnswer", false);
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot");
        verify(glue.cases, never()).recordAutomaticAnswer(anyString(), anyString(), anyString());
        verify(glue.mail, never()).queue(ref, MailKind.AUTOMATIC_ANSWER);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String open(Channel channel, String tier, double sentiment, String text) {
        SupportCase c = supportCase(nextReference(), channel, tier, sentiment);
        when(glue.intake.awaitsItsFlow(eq(c.reference()), anyString())).thenReturn(true);
        when(glue.cases.get(c.reference())).thenReturn(c);
        glue.starter(engine).start(new CaseReadyForTriage(c, new TriageInput(text, 0)));
        return c.reference();
    }

    private static String nextReference() {
        return "CASE-%06d".formatted(REFERENCES.incrementAndGet());
    }

    /** The case as the case service has it: what the task form and the warnings read. */
    private static SupportCase supportCase(String reference, Channel channel, String tier, double sentiment) {
        return new SupportCase(
                1,
                reference,
                CaseStatus.OPEN,
                channel,
                "ana@example.com",
                "Ana",
                tier,
                "Where is my parcel?",
                "It has not arrived.",
                "4521",
                null,
                sentiment,
                sentiment,
                sentiment,
                null,
                null,
                false,
                "P3",
                "tier1",
                0,
                0,
                null,
                null,
                null,
                "ivy",
                null,
                START,
                START,
                null,
                null,
                null,
                List.of(),
                new CaseSla("business-hours", RESPONSE_DUE, RESOLUTION_DUE, false, false, Duration.ZERO),
                null,
                false,
                null,
                null);
    }

    /** The manager notices the flow handed to mail for the case, in order. */
    private List<ManagerNotice> notices(String reference) {
        var notices = ArgumentCaptor.forClass(ManagerNotice.class);
        verify(glue.mail, org.mockito.Mockito.atLeast(0)).notifyManagers(eq(reference), notices.capture());
        return notices.getAllValues();
    }

    private ProcessInstance instance(String reference) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(reference)
                .processDefinitionKey("support-case")
                .singleResult();
    }

    private void complete(ProcessInstance pi, Map<String, Object> answer) {
        engine.getTaskService().complete(task(pi).getId(), answer);
    }

    private static Map<String, Object> resolved(String reply, String tags, boolean knowledgeGap) {
        return Map.of(
                "outcome",
                "resolved",
                "reply",
                reply,
                "resolution",
                "Parcel re-sent",
                "tags",
                tags,
                "knowledgeGap",
                knowledgeGap);
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .timers()
                .singleResult();
    }

    private Instant timerDue(ProcessInstance pi, String activityId) {
        return timer(pi, activityId).getDuedate().toInstant();
    }

    private Map<String, Instant> slaTimers(ProcessInstance pi) {
        var due = new HashMap<String, Instant>();
        for (String activity : SupportCaseProcess.SLA_TIMERS) {
            due.put(activity, timerDue(pi, activity));
        }
        return due;
    }

    /** Moves the clock to the timer's due date (never back) and runs it, as the job executor would then. */
    private void fire(ProcessInstance pi, String activityId) {
        Job job = timer(pi, activityId);
        assertThat(job).as("timer %s", activityId).isNotNull();
        Instant due = job.getDuedate().toInstant();
        if (due.isAfter(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())) {
            PlainEngine.now(due);
        }
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .jobId(job.getId())
                        .executable()
                        .count())
                .as("%s is due", activityId)
                .isEqualTo(1);
        engine.getManagementService().executeJob(job.getId());
        // what the timer's path continues in a transaction of its own (asyncBefore), the job executor runs next
        for (Job next : engine.getManagementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .messages()
                .executable()
                .list()) {
            engine.getManagementService().executeJob(next.getId());
        }
    }
}
