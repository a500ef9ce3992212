package io.casedesk.cases.process;

import io.casedesk.cases.TagVocabulary;
import io.casedesk.cases.process.SupportCaseProcess.Vars;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks an agent's answer when Task_Troubleshoot or Task_Escalated is completed, so a bad answer is refused
 * (HTTP 400 on /engine-rest, a message in Tasklist) and the task stays open, instead of failing later in the flow.
 */
@Component("agentAnswerValidator")
class AgentAnswerValidator implements TaskListener {

    private static final Set<String> OUTCOMES = Set.of("resolved", "need_info", "escalate");

    private final TagVocabulary vocabulary;

    AgentAnswerValidator(TagVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = SupportCaseProcess.string(task, Vars.OUTCOME);
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new BadUserRequestException("outcome must be one of resolved, need_info, escalate");
        }
        String reply = SupportCaseProcess.string(task, Vars.REPLY);
        if (!"escalate".equals(outcome) && (reply == null || reply.isBlank())) {
            throw new BadUserRequestException("reply is required: it is sent to the customer");
        }
        if ("resolved".equals(outcome)) {
            String resolution = SupportCaseProcess.string(task, Vars.RESOLUTION);
            if (resolution == null || resolution.isBlank()) {
                throw new BadUserRequestException("resolution is required: say what was done");
            }
            try {
                vocabulary.parse(SupportCaseProcess.string(task, Vars.TAGS));
            } catch (TagVocabulary.InvalidTagsException e) {
                throw new BadUserRequestException("tags: " + e.getMessage());
            }
        }
        if (!(task.getVariable(Vars.KNOWLEDGE_GAP) instanceof Boolean)) {
            task.setVariable(Vars.KNOWLEDGE_GAP, false);
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String agent = authentication != null ? authentication.getUserId() : task.getAssignee();
        task.setVariable(Vars.LAST_AGENT, agent == null ? "agent" : agent);
    }
}
