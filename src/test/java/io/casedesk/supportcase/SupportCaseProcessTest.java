package io.casedesk.supportcase;

import static io.casedesk.TestMailServer.lastMailFor;
import static io.casedesk.TestMailServer.linkToken;
import static io.casedesk.TestMailServer.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.ManualJobs;
import io.casedesk.TestMailDelivery;
import io.casedesk.TestMailServer;
import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseStatus;
import io.casedesk.cases.CaseTaskView;
import io.casedesk.cases.CustomerMessages;
import io.casedesk.cases.SupportCase;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import io.casedesk.orders.OrderService;
import io.casedesk.prevention.PreventionService;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaCompliance;
import io.casedesk.sla.SlaRecord;
import io.casedesk.sla.SlaTarget;
import io.casedesk.survey.FeedbackService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives every path of support-case with the real delegates, tables, database and SMTP server: the integration
 * test beside the fast SupportCaseFlowTest. The job executor is stopped for this class (ManualJobs), so each async
 * step and timer is run by the test, in order; the job-executor timing is proven in the end-to-end test. Flow-node
 * coverage of support-case over this class must reach 90 % (EndToEndContext.ProcessCoverage).
 */
@ManualJobs
@EndToEndContext
class SupportCaseProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    CustomerMessages customerMessages;

    @Autowired
    FeedbackService feedback;

    @Autowired
    OrderService orders;

    @Autowired
    PreventionService prevention;

    @Autowired
    SlaClock slaClock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    OpenCaseTasks openCaseTasks;

    @Autowired
    FilterService filters;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
        TestMailServer.purge();
    }

    @Test
    void happyPath_acknowledgesTriagesResolvesClosesAndSurveys() {
        String ref = open(
                "email", "standard", "Where is my parcel?", "My order has not arrived yet, tracking shows nothing.");
        ProcessInstance pi = instance(ref);
        assertThat(pi)
                .isWaitingAt("Task_Troubleshoot")
                .hasPassed(
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
                .containsEntry("priority", "P3")
                .containsEntry("category", "delivery")
                .containsEntry("candidateGroup", "tier1")
                .doesNotContainKey("caseText");
        SupportCase triaged = cases.get(ref);
        assertThat(triaged.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(triaged.slaCalendar()).isEqualTo("business-hours");
        assertThat(triaged.responseDueAt()).isAfter(triaged.createdAt());

        deliverMails(ref);
        var ack = lastMailFor(ref, "We have received your request");
        assertThat(recipient(ack)).isEqualTo(email(ref));
        assertThat(cases.get(ref).acknowledgedAt()).isNotNull();

        Task troubleshoot = task(pi);
        assertThat(troubleshoot).hasDefinitionKey("Task_Troubleshoot").hasCandidateGroup("tier1");
        assertThat(tasks.getVariablesLocal(troubleshoot.getId()))
                .containsEntry("subject", "Where is my parcel?")
                .containsKey("recentCasesText")
                .containsKey("timelineText");
        tasks.complete(troubleshoot.getId(), resolved("We have re-sent your parcel.", "delivery-delay", false));
        SupportCase resolved = cases.get(ref);
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.firstResponseAt()).isNotNull();
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.tags()).containsExactly("delivery-delay");

        deliverMails(ref);
        String token = linkToken(lastMailFor(ref, "Resolved"), "resolution");
        assertThat(feedback.answerResolution(token, true)).isTrue();
        assertThat(feedback.answerResolution(token, true))
                .as("a link works once")
                .isFalse();
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.CLOSED);

        deliverMails(ref);
        String survey = linkToken(lastMailFor(ref, "How did we do"), "survey");
        assertThat(feedback.answerSurvey(survey, 5, "Quick and friendly")).isTrue();

        assertThat(pi)
                .isEnded()
                .hasPassed("Event_ResolutionConfirmed", "Task_CloseCase", "Event_SurveyAnswered", "EndEvent_CaseClosed")
                .hasNotPassed("Task_CsatRecovery", "Task_RequestPrevention");
        SupportCase closed = cases.get(ref);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.csat()).isEqualTo(5);
        assertThat(types(ref))
                .containsSubsequence(
                        "opened",
                        "decision",
                        "triaged",
                        "acknowledged",
                        "agent-reply",
                        "resolved",
                        "confirmed",
                        "closed",
                        "csat");
        assertThat(details(ref, "decision"))
                .anyMatch(d -> d.startsWith("case-priority v" + version("case-priority") + " rule Rule_Priority_"))
                .anyMatch(d -> d.startsWith("sla-targets v" + version("sla-targets") + " rule Rule_Sla_P3_Email"))
                .anyMatch(d -> d.startsWith("routing v" + version("routing") + " rule Rule_Routing_Tier1"))
                .anyMatch(d -> d.startsWith("escalation v" + version("escalation") + " rule Rule_Escalation_None"));
    }

    @Test
    void triageEscalation_vipWithNegativeSentiment_goesToTier2AndNotifiesManager() {
        String ref = open("chat", "vip", "Still no refund", "This is terrible. I am furious, the worst service ever.");
        ProcessInstance pi = instance(ref);
        assertThat(pi).hasPassed("Task_NotifyManager");
        deliverMails(ref);
        var notice = lastMailFor(ref, "Escalated to tier2");
        assertThat(recipient(notice)).isEqualTo("managers@casedesk.local");
        assertThat(TestMailServer.body(notice))
                .as("the Cockpit link names the case's flow, known when the notice is written at triage")
                .contains("/camunda/app/cockpit/default/#/process-instance/" + pi.getId() + "/runtime")
                .doesNotContain("process-instance/null")
                .doesNotContain("process-instance//");
        assertThat(details(ref, "decision")).anyMatch(d -> d.contains("Rule_Notify_VipEscalation"));
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.ESCALATED);
        assertThat(details(ref, "decision")).anyMatch(d -> d.contains("Rule_Escalation_VipNegative"));
        assertThat(details(ref, "escalated")).anyMatch(d -> d.contains("tier2") && d.contains("triage"));
    }

    @Test
    void agentEscalation_withReply_sendsReplyAndMovesUpTier1ToTier2ToSpecialists() {
        String ref = open("web", "standard", "App crashes", "The app shows an error and crashes when I open it.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(
                task(pi).getId(),
                Map.of("outcome", "escalate", "reply", "A colleague will take over.", "knowledgeGap", false));
        deliverMails(ref);
        assertThat(lastMailFor(ref, "Re: App crashes")).isNotNull();
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
        assertThat(cases.get(ref).firstResponseAt()).isNotNull();

        tasks.complete(task(pi).getId(), Map.of("outcome", "escalate", "knowledgeGap", false));
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
        assertThat(pi).hasPassed("Task_EvaluateEscalation", "Task_ApplyEscalation");
        assertThat(cases.get(ref).escalationLevel()).isEqualTo(2);
        assertThat(details(ref, "decision"))
                .anyMatch(d -> d.contains("Rule_Escalation_AgentTier1"))
                .anyMatch(d -> d.contains("Rule_Escalation_AgentTier2"));
    }

    @Test
    void responseBreach_recordsEscalatesAndTellsManager() {
        String ref = open("email", "standard", "Question about my invoice", "Could you explain the invoice lines?");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot");

        runJob(pi, "BoundaryEvent_ResponseDue");
        assertThat(cases.get(ref).responseBreached()).isTrue();
        runJob(pi, "Task_NotifyBreach");
        deliverMails(ref);
        var breach = lastMailFor(ref, "SLA breached");
        assertThat(recipient(breach)).isEqualTo("managers@casedesk.local");
        assertThat(TestMailServer.body(breach)).contains("is now with tier2");
        assertThat(pi)
                .hasPassed(
                        "Task_RecordResponseBreach",
                        "Task_BreachEscalation",
                        "Task_RequestSlaEscalation",
                        "BoundaryEvent_SlaEscalation");
        deliverMails(ref);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
        assertThat(types(ref)).containsSubsequence("sla-breach", "decision", "escalated");
        assertThat(details(ref, "decision")).anyMatch(d -> d.contains("Rule_Escalation_SlaBreachTier1"));
    }

    @Test
    void resolutionBreach_whileTier2HoldsTheCase_movesItToSpecialists_andTheNoticeSaysSo() {
        String ref = open("web", "standard", "App crashes again", "Error on start, the app crashes.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), Map.of("outcome", "escalate", "knowledgeGap", false));
        Task withTier2 = task(pi);
        assertThat(withTier2).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");

        runJob(pi, "BoundaryEvent_ResolutionDue");
        runJob(pi, "Task_NotifyBreach");
        deliverMails(ref);
        assertThat(cases.get(ref).resolutionBreached()).isTrue();
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
        assertThat(task(pi).getId()).isNotEqualTo(withTier2.getId());
        assertThat(cases.get(ref).assignedGroup()).isEqualTo("specialists");
        assertThat(details(ref, "decision")).anyMatch(d -> d.contains("Rule_Escalation_SlaBreach:"));
        assertThat(details(ref, "escalated")).anyMatch(d -> d.contains("specialists") && d.contains("sla_breach"));
        assertThat(TestMailServer.body(lastMailFor(ref, "SLA breached"))).contains("is now with specialists");
    }

    @Test
    void targetsMetBeforeTheirTimers_endQuietly() {
        String ref = open("email", "standard", "Login question", "How do I change my password?");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("Use the reset link.", "how-to", false));
        runJob(pi, "BoundaryEvent_ResponseDue");
        runJob(pi, "BoundaryEvent_ResolutionDue");
        assertThat(pi)
                .hasPassed("EndEvent_ResponseMet", "EndEvent_ResolutionMet")
                .hasNotPassed("Task_RecordResponseBreach", "Task_RecordResolutionBreach");
        SupportCase c = cases.get(ref);
        assertThat(c.responseBreached()).isFalse();
        assertThat(c.resolutionBreached()).isFalse();
    }

    @Test
    void stagedWarnings_warnTheGroupFirst_andTheManagerAtTheFinalStage() {
        String ref = open("email", "standard", "Invoice question", "Could you explain my invoice?");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        int priority = task(pi).getPriority();

        runJob(pi, "BoundaryEvent_ResponseFirstWarning");
        assertThat(details(ref, "sla-warning"))
                .singleElement()
                .asString()
                .startsWith("First-response target at risk (first");
        assertThat(task(pi).getPriority()).isGreaterThan(priority);
        runJob(pi, "BoundaryEvent_ResponseFinalWarning");
        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey("mail-delivery")
                        .list())
                .filteredOn(job -> ref.equals(runtime.createProcessInstanceQuery()
                        .processInstanceId(job.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey()))
                .as("the final warning's notice waits for the case's next ones (casedesk.mail.notification-window)")
                .anySatisfy(job -> assertThat(job.getDuedate())
                        .isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofMinutes(9)))));
        deliverMails(ref);
        assertThat(recipient(lastMailFor(ref, "SLA at risk"))).isEqualTo("managers@casedesk.local");
        assertThat(pi)
                .hasPassed("Task_WarnResponseFirst", "Task_NotifyResponseAtRisk", "EndEvent_ResponseManagerWarned");
        assertThat(details(ref, "decision"))
                .anyMatch(d -> d.contains("Rule_Notify_FirstWarningP3"))
                .anyMatch(d -> d.contains("Rule_Notify_FinalWarning"));

        tasks.complete(task(pi).getId(), Map.of("outcome", "escalate", "knowledgeGap", false));
        runJob(pi, "BoundaryEvent_ResolutionFirstWarning");
        runJob(pi, "BoundaryEvent_ResolutionFinalWarning");
        deliverMails(ref);
        assertThat(pi)
                .hasPassed(
                        "Task_WarnResolutionFirst", "Task_NotifyResolutionAtRisk", "EndEvent_ResolutionManagerWarned");
        assertThat(types(ref)).containsSubsequence("sla-warning", "sla-warning", "sla-warning", "sla-warning");
    }

    @Test
    void warningsOfTargetsAlreadyMet_endQuietly() {
        String ref = open("email", "standard", "Password help", "How do I reset my password?");
        ProcessInstance pi = instance(ref);
        tasks.complete(task(pi).getId(), resolved("Use the reset link.", "how-to", false));
        for (String timer : List.of(
                "BoundaryEvent_ResponseFirstWarning",
                "BoundaryEvent_ResponseFinalWarning",
                "BoundaryEvent_ResolutionFirstWarning",
                "BoundaryEvent_ResolutionFinalWarning")) {
            runJob(pi, timer);
        }
        deliverMails(ref);
        assertThat(pi)
                .hasPassed("EndEvent_ResponseNoLongerAtRisk", "EndEvent_ResolutionNoLongerAtRisk")
                .hasNotPassed("Task_NotifyResponseAtRisk", "Task_NotifyResolutionAtRisk");
        assertThat(types(ref)).doesNotContain("sla-warning");
        assertThat(slaClock.records(ref))
                .extracting(SlaRecord::outcome)
                .containsExactly(SlaRecord.Outcome.MET, SlaRecord.Outcome.MET);
    }

    @Test
    void waitingOnTheCustomer_pausesTheClock_andEachResumeGrantsTheTimeThatWasLeft() {
        String ref = open("chat", "standard", "Size question", "Which size fits me?");
        ProcessInstance pi = instance(ref);
        assertThat(cases.get(ref).slaCalendar()).isEqualTo("24x7");
        Instant resolutionDue = cases.get(ref).resolutionDueAt();
        Instant timerDue = timerDue(pi, "BoundaryEvent_ResolutionDue");

        // first wait: 30 hours, longer than the whole 24 h resolution target
        askCustomer(pi, ref, "Which size do you usually wear?");
        assertThat(types(ref)).contains("sla-paused");
        backdatePause(ref, Duration.ofHours(30));
        customerMessages.receive(ref, "Size 42");
        Instant movedDue = cases.get(ref).resolutionDueAt();
        assertThat(Duration.between(resolutionDue, movedDue))
                .isBetween(Duration.ofHours(30), Duration.ofHours(30).plusSeconds(5));
        assertThat(Duration.between(timerDue, timerDue(pi, "BoundaryEvent_ResolutionDue")))
                .isBetween(Duration.ofHours(30), Duration.ofHours(30).plusSeconds(5));
        assertThat(timerDue(pi, "BoundaryEvent_ResolutionDue"))
                .as("a resumed case does not breach at once")
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        // second wait: 2 hours; the pauses add up
        askCustomer(pi, ref, "And which colour?");
        backdatePause(ref, Duration.ofHours(2));
        runJob(pi, "Event_CustomerSilent");
        assertThat(Duration.between(resolutionDue, cases.get(ref).resolutionDueAt()))
                .isBetween(Duration.ofHours(32), Duration.ofHours(32).plusSeconds(10));
        SlaRecord resolution = slaClock.records(ref).stream()
                .filter(r -> r.target() == SlaTarget.RESOLUTION)
                .findFirst()
                .orElseThrow();
        assertThat(resolution.paused())
                .isBetween(Duration.ofHours(32), Duration.ofHours(32).plusSeconds(10));
        assertThat(resolution.outcome()).isEqualTo(SlaRecord.Outcome.RUNNING);
        assertThat(cases.get(ref).resolutionBreached()).isFalse();
        assertThat(details(ref, "sla-resumed")).hasSize(2);
        assertThat(cases.get(ref).slaPaused())
                .as("the case shows the time paused")
                .isBetween(Duration.ofHours(32), Duration.ofHours(32).plusSeconds(10));
    }

    @Test
    void aBreachedTarget_isRecordedAsBreached_withHowLateItWasMet() {
        String ref = open("email", "standard", "Late answer", "Where is my refund?");
        ProcessInstance pi = instance(ref);
        runJob(pi, "BoundaryEvent_ResponseDue");
        deliverMails(ref);
        tasks.complete(
                task(pi).getId(), Map.of("outcome", "need_info", "reply", "Which order?", "knowledgeGap", false));
        SlaRecord response = slaClock.records(ref).stream()
                .filter(r -> r.target() == SlaTarget.RESPONSE)
                .findFirst()
                .orElseThrow();
        assertThat(response.outcome()).isEqualTo(SlaRecord.Outcome.BREACHED);
        assertThat(response.late()).isNotNull();
    }

    @Test
    void slaCompliance_agreesWithWhatTheTimersDid() {
        Instant from = Instant.now().minusSeconds(1);
        SlaCompliance before = slaClock.compliance(from, Instant.now().plusSeconds(3600));

        String breachedByTimer = open("email", "standard", "No answer yet", "Where is my parcel?");
        runJob(instance(breachedByTimer), "BoundaryEvent_ResponseDue");
        String metInTime = open("email", "standard", "Quick answer", "Where is my parcel?");
        tasks.complete(
                task(instance(metInTime)).getId(),
                Map.of("outcome", "need_info", "reply", "Which order?", "knowledgeGap", false));
        String metLate = open("email", "standard", "Late answer", "Where is my parcel?");
        runJob(instance(metLate), "BoundaryEvent_ResponseDue");
        deliverMails(metLate);
        tasks.complete(
                task(instance(metLate)).getId(),
                Map.of("outcome", "need_info", "reply", "Sorry, which order?", "knowledgeGap", false));

        SlaCompliance after = slaClock.compliance(from, Instant.now().plusSeconds(3600));
        assertThat(after.response().met() - before.response().met()).isEqualTo(1);
        assertThat(after.response().breached() - before.response().breached())
                .as("one breach per response timer that fired unmet")
                .isEqualTo(2);
        assertThat(List.of(breachedByTimer, metInTime, metLate))
                .filteredOn(ref -> cases.get(ref).responseBreached())
                .containsExactlyInAnyOrder(breachedByTimer, metLate);
        assertThat(slaClock.records(metLate).get(0).late()).isNotNull();
    }

    @Test
    void needInfo_waitsOnTheCustomer_andTheirMessageResumesTheCase() {
        String ref = open("email", "standard", "Wrong size", "The shoes I got are the wrong size.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(
                task(pi).getId(),
                Map.of("outcome", "need_info", "reply", "Which size did you order?", "knowledgeGap", false));
        deliverMails(ref);
        assertThat(lastMailFor(ref, "We need a few more details")).isNotNull();
        assertThat(pi).isWaitingAt("Gateway_AwaitCustomer");
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);

        assertThat(customerMessages.receive(ref, "I ordered 42 ${7*7}")).isEqualTo(CustomerMessages.Effect.RESUMED);
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot");
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(details(ref, "customer-message")).containsExactly("I ordered 42 ${7*7}");
    }

    @Test
    void aCustomerMessageOnAnOpenTask_updatesWhatItsFormShows_andMarksItOnce() {
        String ref = open("chat", "standard", "Login fails", "I cannot log in since this morning.");
        ProcessInstance pi = instance(ref);
        Task before = task(pi);
        assertThat(before.getName()).startsWith(ref + " · P").endsWith(" · Login fails");
        double triageSentiment = cases.get(ref).sentiment();

        String angry = "This is terrible, I am furious! <script>alert(1)</script> ${7*7}";
        assertThat(customerMessages.receive(ref, angry)).isEqualTo(CustomerMessages.Effect.RECORDED);

        Task marked = task(pi);
        assertThat(marked.getId()).isEqualTo(before.getId());
        assertThat(marked.getName()).isEqualTo(CaseTaskView.NEW_MESSAGE_MARK + before.getName());
        assertThat(marked.getPriority()).isEqualTo(before.getPriority() + CaseTaskView.NEW_MESSAGE_PRIORITY_BOOST);
        var shown = tasks.getVariablesLocal(marked.getId());
        assertThat((String) shown.get("conversationText"))
                .contains("I cannot log in since this morning.")
                .endsWith("(customer)\n" + angry);
        assertThat((String) shown.get("worstSentimentText")).endsWith("(negative)");
        assertThat(shown.get("sentimentText")).isEqualTo(shown.get("worstSentimentText"));
        SupportCase c = cases.get(ref);
        assertThat(c.worstSentiment()).isLessThan(-0.5).isEqualTo(c.latestSentiment());
        assertThat(c.sentiment()).as("the triage score stays").isEqualTo(triageSentiment);

        assertThat(customerMessages.receive(ref, "Thanks, great, I love your quick help."))
                .isEqualTo(CustomerMessages.Effect.RECORDED);
        Task again = task(pi);
        assertThat(again.getName()).as("marked once").isEqualTo(marked.getName());
        assertThat(again.getPriority()).isEqualTo(marked.getPriority());
        assertThat(cases.get(ref).latestSentiment()).isPositive();
        assertThat(cases.get(ref).worstSentiment()).isEqualTo(c.worstSentiment());
        assertThat((String) tasks.getVariableLocal(again.getId(), "conversationText"))
                .endsWith("Thanks, great, I love your quick help.");

        // the agent's answer ends the marked task; the next one starts unmarked, the answer in its conversation
        tasks.complete(again.getId(), Map.of("outcome", "need_info", "reply", "Which browser?", "knowledgeGap", false));
        assertThat(customerMessages.receive(ref, "Firefox")).isEqualTo(CustomerMessages.Effect.RESUMED);
        Task next = task(pi);
        assertThat(next.getName()).isEqualTo(before.getName());
        assertThat((String) tasks.getVariableLocal(next.getId(), "conversationText"))
                .contains("(agent, need info)\nWhich browser?")
                .endsWith("(customer)\nFirefox");
    }

    @Test
    void breachingSoon_listsTheTasksWhoseNextDeadlineIsWithinTwoHours_mostUrgentFirst() {
        String soonRef = open("email", "standard", "Refund missing", "Where is my refund?");
        String laterRef = open("email", "standard", "Refund late", "My refund has not arrived.");
        Task soon = task(instance(soonRef));
        Task later = task(instance(laterRef));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        soon.setFollowUpDate(Date.from(now.plus(Duration.ofMinutes(90))));
        later.setFollowUpDate(Date.from(now.plus(Duration.ofHours(3))));
        tasks.saveTask(soon);
        tasks.saveTask(later);

        openCaseTasks.markBreachingSoon();

        assertThat(tasks.getVariableLocal(soon.getId(), "breachingSoon")).isEqualTo(true);
        assertThat(tasks.getVariableLocal(later.getId(), "breachingSoon")).isEqualTo(false);
        String group = tasks.getIdentityLinksForTask(soon.getId()).stream()
                .filter(link -> link.getGroupId() != null)
                .findFirst()
                .orElseThrow()
                .getGroupId();
        var filter = filters.createFilterQuery()
                .filterName("Breaching soon (" + group + ")")
                .singleResult();
        List<String> listed =
                filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        assertThat(listed).contains(soon.getId()).doesNotContain(later.getId());
        assertThat(filter.getProperties().get("variables").toString())
                .contains("reference", "priority", "customerName", "channel", "nextDeadlineText");
    }

    @Test
    void needInfo_withoutAnswer_returnsToTheEscalatedGroupAfterTheTimeout() {
        String ref = open("web", "standard", "Broken feature", "There is a bug in the export, it shows an error.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), Map.of("outcome", "escalate", "knowledgeGap", false));
        tasks.complete(
                task(pi).getId(),
                Map.of("outcome", "need_info", "reply", "Which file did you export?", "knowledgeGap", false));
        deliverMails(ref);
        runJob(pi, "Event_CustomerSilent");
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
        assertThat(types(ref)).contains("customer-silent");
    }

    @Test
    void whereIsMyOrder_withKnownFacts_isAnsweredAtOnceByMail_andTheConfirmationClosesTheCase() {
        String orderId = "AA-" + System.nanoTime();
        orders.record(orderId, "shipped", "DHL", "https://track.example/" + orderId, LocalDate.parse("2026-12-05"));
        String ref = openAboutOrder("Where is my order?", "Hello, where is my order " + orderId + "?", orderId);
        ProcessInstance pi = instance(ref);

        assertThat(pi)
                .isWaitingAt("Gateway_AwaitConfirmation")
                .hasPassed("Task_LookUpOrder", "Task_DecideAutomaticAnswer", "Task_AnswerAutomatically")
                .hasNotPassed("Task_Troubleshoot");
        SupportCase answered = cases.get(ref);
        assertThat(answered.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(answered.automated()).isTrue();
        assertThat(answered.intent()).isEqualTo("where-is-my-order");
        assertThat(answered.firstResponseAt()).isNotNull();
        assertThat(answered.resolvedAt()).isNotNull();
        assertThat(details(ref, "automatic-answer"))
                .singleElement()
                .asString()
                .contains("shipped", "DHL", "https://track.example/" + orderId, "5 December 2026");
        assertThat(details(ref, "decision")).anyMatch(d -> d.contains("Rule_AutomaticAnswer_WhereIsMyOrder"));

        deliverMails(ref);
        var mail = lastMailFor(ref, "Your order");
        assertThat(recipient(mail)).isEqualTo(email(ref));
        assertThat(TestMailServer.body(mail))
                .contains("Status:           shipped")
                .contains("Carrier:          DHL")
                .contains("href=\"https://track.example/" + orderId + "\"")
                .contains("Saturday 5 December 2026")
                .contains("/resolution/");
        assertThat(feedback.answerResolution(linkToken(mail, "resolution"), true))
                .isTrue();
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.CLOSED);
        deliverMails(ref);
        assertThat(linkToken(lastMailFor(ref, "How did we do"), "survey")).isNotBlank();
        assertThat(cases.get(ref).automated()).isTrue();
    }

    @Test
    void anAutomaticAnswerMarkedStillBroken_goesToTheAgents_withTheAnswerOnTheTimeline() {
        String orderId = "AB-" + System.nanoTime();
        orders.record(orderId, "in transit", "UPS", "https://track.example/" + orderId, null);
        String ref = openAboutOrder("Order status", "What is the order status of " + orderId + "?", orderId);
        ProcessInstance pi = instance(ref);
        deliverMails(ref);

        assertThat(feedback.answerResolution(linkToken(lastMailFor(ref, "Your order"), "resolution"), false))
                .isTrue();
        Task troubleshoot = task(pi);
        assertThat(troubleshoot).hasDefinitionKey("Task_Troubleshoot").hasCandidateGroup("tier1");
        assertThat((String) tasks.getVariableLocal(troubleshoot.getId(), "timelineText"))
                .contains("Your order " + orderId + " is in transit, carried by UPS.");
        assertThat((String) tasks.getVariableLocal(troubleshoot.getId(), "automaticAnswerText"))
                .startsWith("casedesk answered at ")
                .contains("https://track.example/" + orderId);
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(cases.get(ref).reopenCount()).isEqualTo(1);
        assertThat(types(ref)).containsSubsequence("automatic-answer", "reopened");
        endFlow(pi);
    }

    @Test
    void aReplyToAnAutomaticAnswer_goesToTheAgents() {
        String orderId = "AC-" + System.nanoTime();
        orders.record(orderId, "processing", null, null, LocalDate.parse("2026-12-09"));
        String ref = openAboutOrder("Where is my parcel", "where is my parcel? order " + orderId, orderId);
        ProcessInstance pi = instance(ref);
        deliverMails(ref);

        assertThat(customerMessages.receive(ref, "Processing since a week? I want to cancel."))
                .isEqualTo(CustomerMessages.Effect.REOPENED);
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot");
        assertThat(types(ref)).containsSubsequence("automatic-answer", "customer-message", "reopened");
        endFlow(pi);
    }

    @Test
    void whereIsMyOrder_withoutFacts_goesToTheAgents() {
        String ref = openAboutOrder("Where is my order?", "where is my order ZZ-unknown?", "ZZ-" + System.nanoTime());
        ProcessInstance pi = instance(ref);

        assertThat(pi).hasPassed("Task_DecideAutomaticAnswer").hasNotPassed("Task_AnswerAutomatically");
        assertThat(task(pi)).hasDefinitionKey("Task_Troubleshoot");
        assertThat(cases.get(ref).automated()).isFalse();
        endFlow(pi);
    }

    @Test
    void stillBroken_reopensAsRepeatFailure_andEscalatesFurtherTheSecondTime() {
        String ref = open("email", "standard", "Payment fails", "My card payment failed at renewal.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("We reset your payment method.", "payment-renewal-failure", false));
        deliverMails(ref);
        assertThat(feedback.answerResolution(linkToken(lastMailFor(ref, "Resolved"), "resolution"), false))
                .isTrue();

        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("tier2");
        assertThat(cases.get(ref).reopenCount()).isEqualTo(1);
        assertThat(runtime.getVariable(pi.getId(), "reopenCount")).isEqualTo(1);

        tasks.complete(
                task(pi).getId(), resolved("We refunded and renewed manually.", "payment-renewal-failure", false));
        deliverMails(ref);
        assertThat(customerMessages.receive(ref, "Still not working!")).isEqualTo(CustomerMessages.Effect.REOPENED);
        deliverMails(ref);
        assertThat(task(pi)).hasDefinitionKey("Task_Escalated").hasCandidateGroup("specialists");
        assertThat(cases.get(ref).reopenCount()).isEqualTo(2);
        assertThat(details(ref, "decision"))
                .anyMatch(d -> d.contains("Rule_Escalation_ReopenTier1"))
                .anyMatch(d -> d.contains("Rule_Escalation_RepeatedFailure"));
    }

    @Test
    void noAnswerToTheResolution_countsAsConfirmed_andSurveyTimesOut() {
        String ref = open("email", "standard", "Change my address", "Please change my delivery address.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("Address changed.", "account-change", false));
        deliverMails(ref);
        runJob(pi, "Event_ConfirmationTimeout");
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.CLOSED);
        deliverMails(ref);
        runJob(pi, "Event_SurveyTimeout");
        assertThat(pi).isEnded().hasPassed("Task_NoteSilentConfirmation", "Task_NoteSurveyTimeout");
        assertThat(types(ref)).contains("confirmed", "survey-timeout");
    }

    @Test
    void anOlderResolutionLink_cannotConfirmALaterResolution() {
        String ref = open("email", "standard", "Renewal failed", "My renewal payment failed.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("Card updated.", "payment-renewal-failure", false));
        deliverMails(ref);
        String first = linkToken(lastMailFor(ref, "Resolved"), "resolution");
        assertThat(customerMessages.receive(ref, "Still failing")).isEqualTo(CustomerMessages.Effect.REOPENED);
        tasks.complete(task(pi).getId(), resolved("Renewed by hand.", "payment-renewal-failure", false));
        deliverMails(ref);
        String second = linkToken(lastMailFor(ref, "Resolved"), "resolution");

        assertThat(second).isNotEqualTo(first);
        assertThat(feedback.answerResolution(first, true)).isFalse();
        assertThat(pi).isWaitingAt("Gateway_AwaitConfirmation");
        assertThat(feedback.answerResolution(second, true)).isTrue();
        assertThat(details(ref, "confirmed")).hasSize(1);
    }

    @Test
    void aSurveyAnswerAfterTheSurveyClosed_isNotKept() {
        String ref = open("email", "standard", "Late survey", "Where is my invoice?");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("Invoice sent again.", "other", false));
        deliverMails(ref);
        runJob(pi, "Event_ConfirmationTimeout");
        deliverMails(ref);
        String survey = linkToken(lastMailFor(ref, "How did we do"), "survey");
        runJob(pi, "Event_SurveyTimeout");

        assertThat(feedback.answerSurvey(survey, 1, "late")).isFalse();
        assertThat(cases.get(ref).csat()).isNull();
        assertThat(types(ref)).doesNotContain("csat");
    }

    @Test
    void lowCsat_opensRecoveryTaskForManagers() {
        String ref = open("email", "standard", "Damaged item", "The lamp arrived damaged.");
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("Replacement sent.", "damaged-item", false));
        deliverMails(ref);
        feedback.answerResolution(linkToken(lastMailFor(ref, "Resolved"), "resolution"), true);
        deliverMails(ref);
        assertThat(feedback.answerSurvey(linkToken(lastMailFor(ref, "How did we do"), "survey"), 2, "Too slow"))
                .isTrue();

        Task recovery = task(pi);
        assertThat(recovery).hasDefinitionKey("Task_CsatRecovery").hasCandidateGroup("managers");
        assertThat(tasks.getVariables(recovery.getId()))
                .containsEntry("csatScore", 2)
                .containsEntry("csatComment", "Too slow");
        tasks.complete(recovery.getId(), Map.of("recoveryNote", "Called the customer, voucher sent."));
        assertThat(pi).isEnded();
        assertThat(details(ref, "csat-recovery")).containsExactly("Called the customer, voucher sent.");
    }

    @Test
    void aOneClickLowScore_opensRecovery_andTheLaterCommentReachesTheOpenTask() {
        String ref = open("email", "standard", "Broken zipper", "The zipper broke after a day.");
        ProcessInstance pi = instance(ref);
        tasks.complete(task(pi).getId(), resolved("Replacement sent.", "damaged-item", false));
        deliverMails(ref);
        feedback.answerResolution(linkToken(lastMailFor(ref, "Resolved"), "resolution"), true);
        deliverMails(ref);
        String token = linkToken(lastMailFor(ref, "How did we do"), "survey");

        assertThat(feedback.scoreByLink(token, 1)).isPresent();
        Task recovery = task(pi);
        assertThat(recovery).hasDefinitionKey("Task_CsatRecovery");
        assertThat(feedback.addSurveyComment(token, "Nobody called me back")).isTrue();
        assertThat(tasks.getVariableLocal(recovery.getId(), "csatComment")).isEqualTo("Nobody called me back");
        assertThat(cases.get(ref).csat()).isEqualTo(1);
    }

    @Test
    void knowledgeGap_opensOnePreventionTicketPerTag_andLinksLaterCases() {
        String first = resolveAndClose(
                "Checkout broken", "The checkout page is broken, I cannot pay.", "checkout-broken", true);
        long ticket = prevention.openTicket("checkout-broken").orElseThrow();
        ProcessInstance ticketFlow = runtime.createProcessInstanceQuery()
                .processDefinitionKey("prevention-ticket")
                .processInstanceBusinessKey("PREV-" + ticket)
                .singleResult();
        assertThat(ticketFlow).isNotNull();

        String second =
                resolveAndClose("Cannot pay", "Checkout shows an error when I try to pay.", "checkout-broken", true);
        assertThat(prevention.openTicket("checkout-broken")).contains(ticket);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("prevention-ticket")
                        .processInstanceBusinessKey("PREV-" + ticket)
                        .count())
                .isEqualTo(1);
        assertThat(prevention.linkedCases(ticket)).containsExactly(first, second);
        assertThat(details(second, "prevention"))
                .anyMatch(d -> d.startsWith("Linked to open prevention ticket PREV-" + ticket));

        Task task =
                tasks.createTaskQuery().processInstanceId(ticketFlow.getId()).singleResult();
        assertThat(tasks.getVariableLocal(task.getId(), "linkedCases"))
                .as("the open task lists both cases by reference and subject")
                .isEqualTo(first + " · Checkout broken\n" + second + " · Cannot pay");
        assertThat(task).hasDefinitionKey("Task_Prevention").hasCandidateGroup("knowledge");
        tasks.complete(task.getId(), Map.of("action", "faq", "preventionNote", "FAQ entry on card checkout added."));
        assertThat(ticketFlow).isEnded();
        assertThat(prevention.openTicket("checkout-broken")).isEmpty();

        resolveAndClose("Checkout again", "Checkout is broken again.", "checkout-broken", true);
        assertThat(prevention.openTicket("checkout-broken")).isPresent().get().isNotEqualTo(ticket);
    }

    @Test
    void phoneCaseFromTasklistStartForm_becomesACaseWithItsReferenceAsBusinessKey() {
        ProcessInstance pi = runtime.startProcessInstanceByKey(
                "support-case",
                Map.of(
                        "customerEmail",
                        "Caller@Example.com",
                        "customerName",
                        "Carl",
                        "customerTier",
                        "standard",
                        "subject",
                        "Refund please",
                        "description",
                        "I would like my money back.",
                        "orderId",
                        "",
                        "severity",
                        ""));
        assertThat(pi.getBusinessKey()).startsWith("CASE-");
        SupportCase c = cases.get(pi.getBusinessKey());
        assertThat(c.channel().wire()).isEqualTo("phone");
        assertThat(c.customerEmail()).isEqualTo("caller@example.com");
        assertThat(c.processInstanceId()).isEqualTo(pi.getId());
        assertThat(c.intent()).isEqualTo("refund-request");
        assertThat(runtime.getVariables(pi.getId()))
                .doesNotContainKeys("subject", "description", "customerEmail")
                .containsEntry("caseReference", c.reference());
    }

    @Test
    void phoneCaseOpenedByAnAgentInTasklist_isHers_namedByItsNewReference() {
        engine.getIdentityService().setAuthentication("alice", List.of("tier1"));
        ProcessInstance pi;
        try {
            pi = runtime.startProcessInstanceByKey(
                    "support-case",
                    Map.of(
                            "customerEmail",
                            "caller-" + System.nanoTime() + "@example.com",
                            "subject",
                            "Parcel not delivered",
                            "description",
                            "Where is my parcel? It has not arrived."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        String ref = pi.getBusinessKey();
        Task task = task(pi);
        assertThat(task.getAssignee()).isEqualTo("alice");
        assertThat(task.getName()).startsWith(ref + " · P").endsWith(" · Parcel not delivered");
        assertThat(tasks.getVariableLocal(task.getId(), "reference")).isEqualTo(ref);
        assertThat(details(ref, "assigned")).containsExactly("Given to alice, who opened it on the phone");
        assertThat(runtime.getVariables(pi.getId())).doesNotContainKey("phoneAgent");
    }

    @Test
    void invalidAgentAnswers_areRefusedAndTheTaskStaysOpen() {
        String ref = open("email", "standard", "Where is my order", "It did not arrive.");
        ProcessInstance pi = instance(ref);
        Task task = task(pi);
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("outcome", "closed", "reply", "x")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("outcome");
        assertThatThrownBy(() -> tasks.complete(task.getId(), resolved("Done.", "not-a-tag", false)))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("not-a-tag");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("outcome", "need_info", "reply", " ")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reply");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.OPEN);
    }

    private void askCustomer(ProcessInstance pi, String ref, String question) {
        tasks.complete(task(pi).getId(), Map.of("outcome", "need_info", "reply", question, "knowledgeGap", false));
        assertThat(cases.get(ref).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);
    }

    /** Makes the running pause of the case look as if it started {@code ago} before now. */
    private void backdatePause(String ref, Duration ago) {
        jdbc.sql("UPDATE sla_record SET paused_since = :at WHERE case_id = :id AND paused_since IS NOT NULL")
                .param("at", java.sql.Timestamp.from(Instant.now().minus(ago)))
                .param("id", cases.get(ref).id())
                .update();
    }

    /**
     * The version of a table that new cases are decided by: the latest deployed. The end-to-end test of the same
     * context deploys a policy change and deploys the original back, as a newer version.
     */
    private int version(String decisionKey) {
        return repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey)
                .latestVersion()
                .singleResult()
                .getVersion();
    }

    private Instant timerDue(ProcessInstance pi, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .singleResult()
                .getDuedate()
                .toInstant();
    }

    private String resolveAndClose(String subject, String description, String tag, boolean knowledgeGap) {
        String ref = open("web", "standard", subject, description);
        ProcessInstance pi = instance(ref);
        deliverMails(ref);
        tasks.complete(task(pi).getId(), resolved("Fixed the checkout.", tag, knowledgeGap));
        deliverMails(ref);
        feedback.answerResolution(linkToken(lastMailFor(ref, "Resolved"), "resolution"), true);
        assertThat(pi).hasPassed(knowledgeGap ? "Task_RequestPrevention" : "Task_CloseCase");
        return ref;
    }

    private static Map<String, Object> resolved(String reply, String tags, boolean knowledgeGap) {
        return Map.of(
                "outcome", "resolved", "reply", reply, "resolution", reply, "tags", tags, "knowledgeGap", knowledgeGap);
    }

    private String open(String channel, String tier, String subject, String description) {
        String email = "customer-" + System.nanoTime() + "@example.com";
        return TestCases.open(intake, channel, email, tier, subject, description, null);
    }

    private String openAboutOrder(String subject, String description, String orderId) {
        String email = "customer-" + System.nanoTime() + "@example.com";
        return TestCases.openAboutOrder(intake, email, subject, description, orderId);
    }

    /** Ends a flow left at an agent's task, so the task does not crowd the shared Tasklist of other tests. */
    private void endFlow(ProcessInstance pi) {
        runtime.deleteProcessInstance(pi.getId(), "test over");
    }

    private String email(String ref) {
        return cases.get(ref).customerEmail();
    }

    private ProcessInstance instance(String ref) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(SupportCaseProcess.KEY)
                .processInstanceBusinessKey(ref)
                .singleResult();
    }

    private Task task(ProcessInstance pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).as("open tasks of " + pi.getBusinessKey()).hasSize(1);
        return open.get(0);
    }

    private void deliverMails(String ref) {
        TestMailDelivery.deliverMails(management, runtime, ref);
    }

    private void runJob(ProcessInstance pi, String activityId) {
        List<Job> jobs = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .list();
        assertThat(jobs)
                .as("job at " + activityId + " of " + pi.getBusinessKey())
                .hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    private List<String> types(String ref) {
        return cases.timeline(ref).stream().map(e -> e.type().wire()).toList();
    }

    private List<String> details(String ref, String type) {
        return cases.timeline(ref).stream()
                .filter(e -> e.type().wire().equals(type))
                .map(CaseEvent::detail)
                .toList();
    }
}
