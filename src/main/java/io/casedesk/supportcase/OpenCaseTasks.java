package io.casedesk.supportcase;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.CaseTaskView;
import io.casedesk.cases.CustomerMessageRecorded;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the open tasks of cases current. Tasklist reads a task's variables when its form opens, so a customer
 * message that arrives while an agent works the case is shown by rewriting them (conversation, sentiment, timeline)
 * and the task is marked (its name starts with {@link CaseTaskView#NEW_MESSAGE_MARK}, its priority goes up a little)
 * until the agent answers, which ends the task. And every minute the tasks whose next deadline came within two hours
 * are marked {@code breachingSoon}, which the "Breaching soon" filters list: stored filters may hold no expression,
 * so "now + 2 h" cannot be a filter's condition.
 */
@Component
class OpenCaseTasks {

    private static final Logger log = LoggerFactory.getLogger(OpenCaseTasks.class);

    private final TaskService tasks;
    private final CaseService cases;

    OpenCaseTasks(TaskService tasks, CaseService cases) {
        this.tasks = tasks;
        this.cases = cases;
    }

    @EventListener
    void customerWrote(CustomerMessageRecorded message) {
        var open = tasks.createTaskQuery()
                .processInstanceBusinessKey(message.reference())
                .processDefinitionKey(SupportCaseProcess.KEY)
                .taskDefinitionKeyIn(SupportCaseProcess.CASE_TASKS.toArray(String[]::new))
                .list();
        if (open.isEmpty()) {
            return;
        }
        CaseTaskView view = cases.taskView(message.reference());
        for (var task : open) {
            tasks.setVariablesLocal(
                    task.getId(), CaseTaskDetails.shown(view, now()).asMap());
            if (!task.getName().startsWith(CaseTaskView.NEW_MESSAGE_MARK)) {
                tasks.setName(task.getId(), CaseTaskView.NEW_MESSAGE_MARK + task.getName());
                tasks.setPriority(task.getId(), task.getPriority() + CaseTaskView.NEW_MESSAGE_PRIORITY_BOOST);
            }
        }
    }

    /** Marks the tasks whose follow-up date (the next deadline) is less than two hours away; idempotent. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void markBreachingSoon() {
        var soon = Date.from(now().plus(CaseTaskView.BREACHING_SOON));
        for (var task : tasks.createTaskQuery()
                .processDefinitionKey(SupportCaseProcess.KEY)
                .taskDefinitionKeyIn(SupportCaseProcess.CASE_TASKS.toArray(String[]::new))
                .followUpBefore(soon)
                .taskVariableValueEquals(SupportCaseProcess.Vars.BREACHING_SOON.name(), false)
                .listPage(0, 500)) {
            try {
                tasks.setVariablesLocal(
                        task.getId(),
                        ProcessVariable.values()
                                .with(SupportCaseProcess.Vars.BREACHING_SOON, true)
                                .asMap());
            } catch (ProcessEngineException completedMeanwhile) {
                // the agent completed it meanwhile, or another node marked it: nothing left to do
                log.debug("Task {} not marked: {}", task.getId(), completedMeanwhile.getMessage());
            }
        }
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
