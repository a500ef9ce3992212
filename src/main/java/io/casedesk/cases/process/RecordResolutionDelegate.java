package io.casedesk.cases.process;

import static io.casedesk.cases.process.SupportCaseProcess.*;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.TagVocabulary;
import io.casedesk.cases.process.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("recordResolution")
class RecordResolutionDelegate implements JavaDelegate {

    private final CaseService cases;
    private final TagVocabulary vocabulary;

    RecordResolutionDelegate(CaseService cases, TagVocabulary vocabulary) {
        this.cases = cases;
        this.vocabulary = vocabulary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordResolution(caseReference(execution), string(execution, Vars.RESOLUTION),
                vocabulary.parse(string(execution, Vars.TAGS)), flag(execution, Vars.KNOWLEDGE_GAP));
        execution.setVariable(Vars.RESOLVED, true);
        execution.setVariable(Vars.SLA_ESCALATION_PENDING, false);
    }
}
