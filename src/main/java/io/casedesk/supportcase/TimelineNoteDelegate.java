package io.casedesk.supportcase;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes a line the model names on the case timeline: input parameters noteType (the wire name of a CaseEventType)
 * and note.
 */
@Component("timelineNote")
class TimelineNoteDelegate implements JavaDelegate {

    private final CaseService cases;

    TimelineNoteDelegate(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordEvent(
                SupportCaseProcess.caseReference(execution),
                CaseEventType.fromWire(Vars.NOTE_TYPE.getLocal(execution)),
                Vars.NOTE.getLocal(execution));
    }
}
