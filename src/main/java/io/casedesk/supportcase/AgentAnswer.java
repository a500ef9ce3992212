package io.casedesk.supportcase;

import io.casedesk.cases.TagVocabulary;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * An agent's answer on Task_Troubleshoot or Task_Escalated, checked as the flow takes it up. A bad answer throws
 * FormFieldValidationException, which rolls the completion back (the task stays open) and which /engine-rest
 * answers with 400 and Tasklist shows next to the form.
 */
record AgentAnswer(String outcome, String reply, String resolution, String tags, boolean knowledgeGap) {

    static final List<ProcessVariable<?>> VARIABLES =
            List.of(Vars.OUTCOME, Vars.REPLY, Vars.RESOLUTION, Vars.TAGS, Vars.KNOWLEDGE_GAP);
    private static final Set<String> OUTCOMES = Set.of("resolved", "need_info", "escalate");

    static AgentAnswer read(VariableScope scope, TagVocabulary vocabulary) {
        AgentAnswer answer;
        try {
            answer = new AgentAnswer(
                    Vars.OUTCOME.get(scope),
                    blankToNull(Vars.REPLY.get(scope)),
                    blankToNull(Vars.RESOLUTION.get(scope)),
                    Vars.TAGS.get(scope),
                    Vars.KNOWLEDGE_GAP.getOrDefault(scope, false));
        } catch (ProcessVariable.WrongTypeException e) {
            throw new FormFieldValidationException(e.variable(), e.getMessage());
        }
        if (answer.outcome() == null || !OUTCOMES.contains(answer.outcome())) {
            throw invalid(Vars.OUTCOME, "outcome must be one of resolved, need_info, escalate");
        }
        if (!"escalate".equals(answer.outcome()) && answer.reply() == null) {
            throw invalid(Vars.REPLY, "reply is required: it is sent to the customer");
        }
        if ("resolved".equals(answer.outcome())) {
            if (answer.resolution() == null) {
                throw invalid(Vars.RESOLUTION, "resolution is required: say what was done");
            }
            try {
                vocabulary.parse(answer.tags());
            } catch (TagVocabulary.InvalidTagsException e) {
                throw invalid(Vars.TAGS, "tags: " + e.getMessage());
            }
        }
        return answer;
    }

    /** Clears the answer off the process instance, so the next task starts with an empty form. */
    static void clear(VariableScope processInstance) {
        VARIABLES.forEach(variable -> variable.remove(processInstance));
    }

    boolean hasReply() {
        return reply != null;
    }

    private static FormFieldValidationException invalid(ProcessVariable<?> field, String message) {
        return new FormFieldValidationException(field.name(), message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
