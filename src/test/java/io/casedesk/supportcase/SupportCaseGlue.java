package io.casedesk.supportcase;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.casedesk.PlainEngine;
import io.casedesk.assist.AgentAssist;
import io.casedesk.cases.AnswerNotAwaitedException;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.CustomerMessageReceived;
import io.casedesk.cases.ResolutionAnswered;
import io.casedesk.cases.TagVocabulary;
import io.casedesk.intake.IntakeService;
import io.casedesk.mail.MailService;
import io.casedesk.orders.OrderService;
import io.casedesk.prevention.PreventionService;
import io.casedesk.sla.ApplicationSla;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaDecision;
import io.casedesk.sla.SlaService;
import io.casedesk.sla.SlaTarget;
import io.casedesk.sla.SlaWarning;
import io.casedesk.survey.SurveyAnswered;
import io.casedesk.survey.SurveyCommented;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine glue of support-case (every bean its model names, its starter and the listener of the customer's
 * answers), built by their constructors on mocked feature services, with the timeouts, tag vocabulary and SLA
 * calendars of application.yaml. The one place that knows the constructors: when one changes, this is the line to
 * fix. The mocked SLA clock answers as the real one computes: its schedule from the real {@link SlaService} at the
 * engine's clock, its warnings from the targets the flow says are met; the mocked case service builds a task's view
 * of its case from the case and timeline a test gives it, as cases does.
 */
final class SupportCaseGlue {

    static final List<String> TAGS = List.of(
            "payment-renewal-failure",
            "delivery-delay",
            "checkout-broken",
            "double-charge",
            "refund",
            "login-problem",
            "damaged-item",
            "service-outage",
            "account-change",
            "how-to",
            "other");
    static final FlowProperties TIMEOUTS =
            new FlowProperties(Duration.parse("P5D"), Duration.parse("P3D"), Duration.parse("P7D"));

    final CaseService cases = mock(CaseService.class);
    final IntakeService intake = mock(IntakeService.class);
    final MailService mail = mock(MailService.class);
    final SlaService sla = ApplicationSla.service();
    final SlaClock slaClock = mock(SlaClock.class);
    final PreventionService prevention = mock(PreventionService.class);
    final AgentAssist assist = mock(AgentAssist.class);
    final OrderService orders = mock(OrderService.class);
    final TagVocabulary vocabulary = new TagVocabulary(TAGS);

    SupportCaseGlue() {
        when(slaClock.start(anyString(), any()))
                .thenAnswer(call -> sla.schedule(PlainEngine.clock().instant(), call.<SlaDecision>getArgument(1)));
        when(slaClock.warn(anyString(), any(), any(), anyBoolean(), anyBoolean()))
                .thenAnswer(call ->
                        warning(call.getArgument(1), call.getArgument(2), call.getArgument(3), call.getArgument(4)));
        when(cases.taskView(anyString())).thenCallRealMethod();
        when(assist.forTask(anyString()))
                .thenReturn(new AgentAssist.TaskAssist("CASE-000900 · Card declined · CSAT 5/5", "Hello,"));
    }

    /** What the SLA clock answers to a warning: none for a target already met, else a raise by the stage. */
    static SlaWarning warning(SlaTarget target, SlaWarning.Stage stage, boolean responded, boolean resolved) {
        boolean met = target == SlaTarget.RESPONSE ? responded : resolved;
        if (met) {
            return new SlaWarning(false, 0);
        }
        return new SlaWarning(true, stage == SlaWarning.Stage.FINAL ? 20 : 10);
    }

    /** The flow's own service over the mocked case store and SLA clock: what the delegates call. */
    CaseWork work() {
        return new CaseWork(cases, slaClock, vocabulary);
    }

    /** The automatic answers over the mocked case store, order facts and SLA clock. */
    AutomaticAnswers answers() {
        return new AutomaticAnswers(cases, orders, slaClock);
    }

    /** The beans of the model's expressions (${registerCase}, ${flowTimeouts.survey}, ...). */
    Map<String, Object> beans(ProcessEngine engine) {
        return Map.ofEntries(
                Map.entry("registerCase", new RegisterCaseDelegate(intake)),
                Map.entry("scheduleSla", new ScheduleSlaDelegate(slaClock)),
                Map.entry("recordTriage", new RecordTriageDelegate(cases)),
                Map.entry("caseMail", new CaseMailDelegate(mail)),
                Map.entry("caseTaskDetails", new CaseTaskDetails(cases, assist)),
                Map.entry("recordAgentWork", new RecordAgentWorkDelegate(work(), vocabulary)),
                Map.entry("pauseSla", new PauseSlaDelegate(slaClock)),
                Map.entry("resumeSla", new ResumeSlaDelegate(slaClock, engine.getManagementService())),
                Map.entry("timelineNote", new TimelineNoteDelegate(cases)),
                Map.entry("applyEscalation", new ApplyEscalationDelegate(work())),
                Map.entry("recordResolution", new RecordResolutionDelegate(work())),
                Map.entry("recordReopen", new RecordReopenDelegate(work())),
                Map.entry("recordSlaWarning", new RecordSlaWarningDelegate(slaClock)),
                Map.entry("recordSlaBreach", new RecordSlaBreachDelegate(slaClock)),
                Map.entry("requestSlaEscalation", new RequestSlaEscalationDelegate()),
                Map.entry("closeCase", new CloseCaseDelegate(cases)),
                Map.entry("requestPrevention", new RequestPreventionDelegate(prevention, vocabulary)),
                Map.entry("notifyManagers", new NotifyManagersDelegate(new NotificationPolicy(), mail)),
                Map.entry("csatRecoveryOutcome", new CsatRecoveryOutcome(cases)),
                Map.entry("flowTimeouts", new FlowTimeouts(TIMEOUTS)),
                Map.entry("lookUpOrder", new LookUpOrderDelegate(answers())),
                Map.entry("answerAutomatically", new AnswerAutomaticallyDelegate(answers())));
    }

    /** The listener of intake's CaseReadyForTriage, which starts a case's flow. */
    SupportCaseStarter starter(ProcessEngine engine) {
        return new SupportCaseStarter(engine.getRuntimeService(), intake);
    }

    /** What the customer's side sends into a running flow: the messages of the model. */
    interface Messages {
        boolean customerReplied(String reference);

        boolean resolutionAnswered(String reference, boolean fixed);

        boolean surveyAnswered(String reference, int score);

        void surveyCommented(String reference, String comment);
    }

    /**
     * The messages as the application sends them: the features' events, handed to CustomerAnswerListener; an answer
     * no flow waits for is not taken (false).
     */
    Messages messages(ProcessEngine engine) {
        var listener = new CustomerAnswerListener(engine.getRuntimeService(), engine.getTaskService());
        return new Messages() {
            @Override
            public boolean customerReplied(String reference) {
                return taken(() -> listener.customerReplied(new CustomerMessageReceived(reference)));
            }

            @Override
            public boolean resolutionAnswered(String reference, boolean fixed) {
                return taken(() -> listener.resolutionAnswered(new ResolutionAnswered(reference, fixed)));
            }

            @Override
            public boolean surveyAnswered(String reference, int score) {
                return taken(() -> listener.surveyAnswered(new SurveyAnswered(reference, score)));
            }

            @Override
            public void surveyCommented(String reference, String comment) {
                listener.surveyCommented(new SurveyCommented(reference, comment));
            }
        };
    }

    private static boolean taken(Runnable answer) {
        try {
            answer.run();
            return true;
        } catch (AnswerNotAwaitedException e) {
            return false;
        }
    }

    /** The decision timeline, registered with the engine once; it writes to the glue of the running test. */
    static HistoryEventHandler decisionTimeline(java.util.function.Supplier<SupportCaseGlue> current) {
        return new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                new DecisionTimeline(current.get().cases).handleEvent(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        };
    }
}
