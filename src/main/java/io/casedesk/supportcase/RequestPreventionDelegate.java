package io.casedesk.supportcase;

import io.casedesk.cases.TagVocabulary;
import io.casedesk.prevention.PreventionService;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The agent flagged a knowledge gap with the answer: the case opens or joins its tags' prevention tickets now. */
@Component("requestPrevention")
class RequestPreventionDelegate implements JavaDelegate {

    private final PreventionService prevention;
    private final TagVocabulary vocabulary;

    RequestPreventionDelegate(PreventionService prevention, TagVocabulary vocabulary) {
        this.prevention = prevention;
        this.vocabulary = vocabulary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the answer was checked by RecordAgentWorkDelegate; tags are given with a resolution, else none
        String tags = Vars.TAGS.get(execution);
        prevention.requestFor(
                SupportCaseProcess.caseReference(execution),
                tags == null || tags.isBlank() ? java.util.List.of() : vocabulary.parse(tags));
    }
}
