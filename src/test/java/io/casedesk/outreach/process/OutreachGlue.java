package io.casedesk.outreach.process;

import static org.mockito.Mockito.mock;

import io.casedesk.PlainEngine;
import io.casedesk.outreach.OutreachProperties;
import io.casedesk.outreach.OutreachService;
import io.casedesk.prevention.PreventionProperties;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** The engine glue of proactive-outreach built by its constructors on a mocked outreach service. */
final class OutreachGlue {

    static final int WORKERS = 3;
    static final int CHUNK = 25;
    static final int LINK_CHUNK = 500;
    static final long PRIORITY = -10;
    static final Duration CHECK_AFTER = Duration.ofDays(28);

    final OutreachService outreach = mock(OutreachService.class);
    final OutreachProperties settings =
            new OutreachProperties(WORKERS, CHUNK, PRIORITY, Duration.ofSeconds(2), LINK_CHUNK);

    Map<String, Object> beans() {
        return Map.of(
                "outreachTaskDetails", new OutreachTaskDetails(outreach),
                "opsReviewAnswer", new OpsReviewAnswer(outreach),
                "dismissIncident", new OutreachDelegates.Dismiss(outreach),
                "confirmIncident", new OutreachDelegates.Confirm(outreach, settings),
                "linkOpenCases", new OutreachDelegates.LinkOpenCases(outreach, settings),
                "sendOutreachMails", new OutreachDelegates.Send(outreach, settings),
                "closeIncident", new OutreachDelegates.Close(outreach),
                "handToPrevention",
                        new OutreachDelegates.HandToPrevention(
                                outreach, new PreventionProperties(CHECK_AFTER), PlainEngine.clock()),
                "checkPrevention", new OutreachDelegates.CheckPrevention(outreach));
    }

    OutreachStarter starter(ProcessEngine engine) {
        return new OutreachStarter(engine.getRuntimeService(), settings);
    }
}
