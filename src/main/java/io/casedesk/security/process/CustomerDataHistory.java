package io.casedesk.security.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The engine's history writer without the customer's details: Cockpit's history (which process owners and managers
 * read to tune the policy) keeps what happened and what was decided, but no variable that holds a customer's name,
 * address or words (each process's {@link ModelContract} names them), no decision input that reads their words, and
 * no task name with their words in it (a case's task is kept as "CASE-000123 · P1", without its subject).
 * The case itself (casedesk's own tables, the API) keeps them for the people who work the case. EngineHardening puts
 * it in place of the engine's default database handler.
 * <p>
 * Variables are kept with their latest value (ACT_HI_VARINST), not with every value they had (ACT_HI_DETAIL), and
 * the job log keeps what each job did but not that it was created: those were a third of the history rows a case
 * wrote at intake (about 55 and 7 of 190), read by nothing casedesk or Community Cockpit shows; what changed on a
 * case and why is on its timeline, each decision keeps its inputs and outputs, and a failed job its incident.
 */
class CustomerDataHistory implements HistoryEventHandler {

    static final String MASKED = "(customer text, not kept in history)";

    private final DbHistoryEventHandler database = new LatestValuesOnly();
    private final Set<String> personalVariables;
    private final Set<String> personalInputs;
    private final List<ModelContract> contracts;

    CustomerDataHistory(List<ModelContract> contracts) {
        this.contracts = List.copyOf(contracts);
        this.personalVariables =
                contracts.stream().flatMap(c -> c.personalVariables().stream()).collect(Collectors.toUnmodifiableSet());
        this.personalInputs = contracts.stream()
                .flatMap(c -> c.personalDecisionInputs().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable
                && personalVariables.contains(variable.getVariableName())) {
            return;
        }
        if (event instanceof HistoricTaskInstanceEventEntity task && task.getName() != null) {
            task.setName(historicTaskName(task.getName()));
        }
        if (event instanceof UserOperationLogEntryEventEntity entry && "name".equals(entry.getProperty())) {
            entry.setOrgValue(entry.getOrgValue() == null ? null : historicTaskName(entry.getOrgValue()));
            entry.setNewValue(entry.getNewValue() == null ? null : historicTaskName(entry.getNewValue()));
        }
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            mask(evaluation.getRootHistoricDecisionInstance());
            if (evaluation.getRequiredHistoricDecisionInstances() != null) {
                evaluation.getRequiredHistoricDecisionInstances().forEach(this::mask);
            }
        }
        database.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private String historicTaskName(String name) {
        String kept = name;
        for (ModelContract contract : contracts) {
            kept = contract.historicTaskName(kept);
        }
        return kept;
    }

    private void mask(HistoricDecisionInstanceEntity decision) {
        if (decision == null || decision.getInputs() == null) {
            return;
        }
        for (var input : decision.getInputs()) {
            if (personalInputs.contains(input.getClauseId())) {
                ((HistoricDecisionInputInstanceEntity) input).setValue(Variables.stringValue(MASKED));
            }
        }
    }

    /**
     * The engine's database writer, less the per-change log of variable values and the job log's entry for a job
     * created (see above): what a job did (succeeded, failed and why) stays in the job log, its waiting is in the
     * runtime's job table. Less, too, the task-local variables: they are what a task shows of its case (copies of
     * the case's own tables, made for the form, gone with the task), some 20 of the 55 variables a case writes at
     * intake; what an agent answers is set on the process, and kept.
     */
    private static final class LatestValuesOnly extends DbHistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent job && job.isCreationLog()) {
                return;
            }
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && (variable.getTaskId() != null || forgottenWithinItsCommand(variable))) {
                return;
            }
            super.handleEvent(event);
        }

        /**
         * A variable that a step removes in the command that created it (a decision's output the next step consumed)
         * was never there for anyone to see: its history row, not yet written, is dropped with it, as the engine
         * drops its runtime row. Variables that go because their scope or their process ended keep their history.
         */
        private boolean forgottenWithinItsCommand(HistoricVariableUpdateEventEntity event) {
            if (!event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE) || event.getExecutionId() == null) {
                return false;
            }
            DbEntityManager db = getDbEntityManager();
            var execution = db.getCachedEntity(ExecutionEntity.class, event.getExecutionId());
            if (execution == null
                    || execution.isEnded()
                    || db.getDbEntityCache().isDeleted(execution)) {
                return false;
            }
            var created = db.getCachedEntity(HistoricVariableInstanceEntity.class, event.getVariableInstanceId());
            if (created == null
                    || created.getByteArrayId() != null
                    || !db.getDbEntityCache().isTransient(created)) {
                return false;
            }
            db.delete(created);
            return true;
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
            return false;
        }
    }
}
