package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.TagVocabulary;
import io.casedesk.sla.SlaClock;
import io.casedesk.sla.SlaTarget;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordResolution")
class RecordResolutionDelegate implements JavaDelegate {

    private final CaseService cases;
    private final TagVocabulary vocabulary;
    private final SlaClock slaClock;

    RecordResolutionDelegate(CaseService cases, TagVocabulary vocabulary, SlaClock slaClock) {
        this.cases = cases;
        this.vocabulary = vocabulary;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordResolution(
                caseReference(execution),
                Vars.RESOLUTION.get(execution),
                vocabulary.parse(Vars.TAGS.get(execution)),
                Vars.KNOWLEDGE_GAP.getOrDefault(execution, false));
        Vars.RESOLVED.set(execution, true);
        slaClock.met(caseReference(execution), SlaTarget.RESOLUTION);
        Vars.SLA_ESCALATION_PENDING.set(execution, false);
    }
}
