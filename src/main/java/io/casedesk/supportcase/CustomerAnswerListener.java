package io.casedesk.supportcase;

import io.casedesk.cases.AnswerNotAwaitedException;
import io.casedesk.cases.CustomerMessageReceived;
import io.casedesk.cases.ResolutionAnswered;
import io.casedesk.supportcase.SupportCaseProcess.Vars;
import io.casedesk.survey.SurveyAnswered;
import io.casedesk.survey.SurveyCommented;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a case's flow when the customer answers: the features publish the answer as an event, synchronously in
 * their transaction, and this turns it into the model's message. When no flow of the case waits for that message,
 * it throws {@link AnswerNotAwaitedException}, which the publishing feature catches. The correlation itself finds
 * nothing and fails nothing, so the feature's transaction is still its own to commit or roll back.
 */
@Component
class CustomerAnswerListener {

    private final RuntimeService runtime;
    private final TaskService tasks;

    CustomerAnswerListener(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @EventListener
    void customerReplied(CustomerMessageReceived message) {
        correlate(message.reference(), SupportCaseProcess.MESSAGE_CUSTOMER_REPLIED, ProcessVariable.values());
    }

    @EventListener
    void resolutionAnswered(ResolutionAnswered answer) {
        correlate(
                answer.reference(),
                answer.fixed()
                        ? SupportCaseProcess.MESSAGE_RESOLUTION_CONFIRMED
                        : SupportCaseProcess.MESSAGE_RESOLUTION_REJECTED,
                ProcessVariable.values());
    }

    @EventListener
    void surveyAnswered(SurveyAnswered answer) {
        correlate(
                answer.reference(),
                SupportCaseProcess.MESSAGE_SURVEY_ANSWERED,
                ProcessVariable.values().with(Vars.CSAT_SCORE, answer.score()));
    }

    /** A comment needs no flow to wait for it: a manager recovering the customer sees it on the open task. */
    @EventListener
    void surveyCommented(SurveyCommented comment) {
        for (var task : tasks.createTaskQuery()
                .processInstanceBusinessKey(comment.reference())
                .taskDefinitionKey(SupportCaseProcess.TASK_CSAT_RECOVERY)
                .list()) {
            tasks.setVariablesLocal(
                    task.getId(),
                    ProcessVariable.values()
                            .with(Vars.CSAT_COMMENT, comment.comment())
                            .asMap());
        }
    }

    private void correlate(String reference, String message, ProcessVariable.Values variables) {
        boolean taken = !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(reference)
                .setVariables(variables.asMap())
                .correlateAllWithResult()
                .isEmpty();
        if (!taken) {
            throw new AnswerNotAwaitedException(reference, message);
        }
    }
}
