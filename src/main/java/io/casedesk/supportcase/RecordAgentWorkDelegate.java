package io.casedesk.supportcase;

import static io.casedesk.supportcase.SupportCaseProcess.caseReference;

import io.casedesk.cases.TagVocabulary;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks and records the agent's answer; a reply is the case's first response if none was given before. */
@Component("recordAgentWork")
class RecordAgentWorkDelegate implements JavaDelegate {

    private final CaseWork work;
    private final TagVocabulary vocabulary;

    RecordAgentWorkDelegate(CaseWork work, TagVocabulary vocabulary) {
        this.work = work;
        this.vocabulary = vocabulary;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AgentAnswer answer = AgentAnswer.read(execution, vocabulary);
        var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        work.answered(
                caseReference(execution), user == null ? null : user.getUserId(), answer.outcome(), answer.reply());
        Vars.HAS_REPLY.set(execution, answer.hasReply());
        Vars.KNOWLEDGE_GAP.set(execution, answer.knowledgeGap());
        if (answer.hasReply()) {
            Vars.RESPONDED.set(execution, true);
        }
        if ("escalate".equals(answer.outcome())) {
            Vars.ESCALATION_TRIGGER.set(execution, "agent");
        }
    }
}
