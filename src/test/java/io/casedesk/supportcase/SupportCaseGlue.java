package io.casedesk.supportcase;

import static org.mockito.Mockito.mock;

import io.casedesk.PlainEngine;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.TagVocabulary;
import io.casedesk.intake.IntakeService;
import io.casedesk.mail.MailService;
import io.casedesk.prevention.PreventionService;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine glue of support-case (every bean its model names, its starter and its message adapter), built by
 * their constructors on mocked feature services, with the timeouts and tag vocabulary of application.yaml. The one
 * place that knows the constructors: when one changes, this is the line to fix.
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
    static final String CUSTOMER_REPLY_TIMEOUT = "P5D";
    static final String CONFIRMATION_TIMEOUT = "P3D";
    static final String SURVEY_TIMEOUT = "P7D";

    final CaseService cases = mock(CaseService.class);
    final IntakeService intake = mock(IntakeService.class);
    final MailService mail = mock(MailService.class);
    final SlaService sla = mock(SlaService.class);
    final SlaClock slaClock = mock(SlaClock.class);
    final PreventionService prevention = mock(PreventionService.class);
    final TagVocabulary vocabulary = new TagVocabulary(TAGS);

    /** The beans of the model's expressions (${registerCase}, ${flowTimeouts.survey}, ...). */
    Map<String, Object> beans(ProcessEngine engine) {
        return Map.ofEntries(
                Map.entry("registerCase", new RegisterCaseDelegate(intake)),
                Map.entry("scheduleSla", new ScheduleSlaDelegate(sla, slaClock, PlainEngine.clock())),
                Map.entry("recordTriage", new RecordTriageDelegate(cases)),
                Map.entry("caseMail", new CaseMailDelegate(mail)),
                Map.entry("caseTaskDetails", new CaseTaskDetails(cases)),
                Map.entry("recordAgentWork", new RecordAgentWorkDelegate(cases, vocabulary, slaClock)),
                Map.entry("pauseSla", new PauseSlaDelegate(slaClock)),
                Map.entry("resumeSla", new ResumeSlaDelegate(slaClock, engine.getManagementService())),
                Map.entry("timelineNote", new TimelineNoteDelegate(cases)),
                Map.entry("applyEscalation", new ApplyEscalationDelegate(cases)),
                Map.entry("recordResolution", new RecordResolutionDelegate(cases, vocabulary, slaClock)),
                Map.entry("recordReopen", new RecordReopenDelegate(cases, slaClock)),
                Map.entry("recordSlaWarning", new RecordSlaWarningDelegate(cases)),
                Map.entry("recordSlaBreach", new RecordSlaBreachDelegate(slaClock)),
                Map.entry("requestSlaEscalation", new RequestSlaEscalationDelegate()),
                Map.entry("closeCase", new CloseCaseDelegate(cases)),
                Map.entry("requestPrevention", new RequestPreventionDelegate(prevention)),
                Map.entry(
                        "flowTimeouts",
                        new FlowTimeouts(CUSTOMER_REPLY_TIMEOUT, CONFIRMATION_TIMEOUT, SURVEY_TIMEOUT)));
    }

    SupportCaseStarter starter(ProcessEngine engine) {
        return new SupportCaseStarter(engine.getRuntimeService());
    }

    /** What the customer's side sends into a running flow: the messages of the model. */
    interface Messages {
        boolean customerReplied(String reference);

        boolean resolutionAnswered(String reference, boolean fixed);

        boolean surveyAnswered(String reference, int score);

        void surveyCommented(String reference, String comment);
    }

    /** The messages as the application sends them: through CaseFlowAdapter. */
    Messages messages(ProcessEngine engine) {
        var adapter = new CaseFlowAdapter(engine.getRuntimeService(), engine.getTaskService());
        return new Messages() {
            @Override
            public boolean customerReplied(String reference) {
                return adapter.customerReplied(reference);
            }

            @Override
            public boolean resolutionAnswered(String reference, boolean fixed) {
                return adapter.resolutionAnswered(reference, fixed);
            }

            @Override
            public boolean surveyAnswered(String reference, int score) {
                return adapter.surveyAnswered(reference, score);
            }

            @Override
            public void surveyCommented(String reference, String comment) {
                adapter.surveyCommented(reference, comment);
            }
        };
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
