package io.casedesk.system.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.cases.CaseEvent;
import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.intake.IntakeService;
import io.casedesk.intake.TestCases;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the intake cuts (README, "Intake cost and speed") leave in place: decisions evaluate with the parse-once FEEL
 * and still land in history with inputs, outputs and on the timeline; variables keep their latest value in history
 * but no per-change log, and
 * the job log no entry for each job created.
 */
@EndToEndContext
class IntakeCostTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseService cases;

    @Autowired
    HistoryService history;

    @Test
    void theEnginesDecisions_evaluateWithFeelParsedOnce() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    }

    @Test
    void aTriagedCase_keepsItsDecisionsAndLatestVariables_withoutTheLogOfEveryValue() {
        String reference = TestCases.open(
                intake,
                "chat",
                "intake-cost@example.com",
                "vip",
                "The service is down",
                "Your site is down, error 500 on every page.",
                null);
        String instance = cases.get(reference).processInstanceId();

        var decisions = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(instance)
                .includeInputs()
                .includeOutputs()
                .list();
        assertThat(decisions).hasSizeGreaterThanOrEqualTo(6).allSatisfy(d -> {
            assertThat(d.getInputs()).isNotEmpty();
            assertThat(d.getOutputs()).isNotEmpty();
        });
        assertThat(cases.timeline(reference))
                .extracting(CaseEvent::type)
                .filteredOn(type -> type == CaseEventType.DECISION)
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableName("priority")
                        .list())
                .extracting(v -> v.getValue())
                .contains(cases.get(reference).priority());
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(instance)
                        .variableUpdates()
                        .count())
                .isZero();
        assertThat(history.createHistoricJobLogQuery()
                        .processInstanceId(instance)
                        .creationLog()
                        .count())
                .as("no log entry for the SLA timers created")
                .isZero();
    }

    @Test
    void aTasksCopiesOfItsCase_areNotKeptInHistory_whatTheProcessHoldsIs() {
        String reference = TestCases.open(
                intake,
                "web",
                "intake-cost-task@example.com",
                "standard",
                "Question about sizes",
                "Which size should I order?",
                null);
        String instance = cases.get(reference).processInstanceId();
        var task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult();

        assertThat(engine.getTaskService().getVariablesLocal(task.getId()))
                .containsKeys("timelineText", "nextDeadlineText", "priority");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .taskIdIn(task.getId())
                        .count())
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableName("priority")
                        .list())
                .as("the process's priority, not the task's copy")
                .singleElement()
                .satisfies(v -> assertThat(v.getTaskId()).isNull());
    }

    @Test
    void whatSlaTargetsDecided_isNotKeptAsVariables_butInTheDecisionsHistoryAndTheDeadlines() {
        String reference = TestCases.open(
                intake,
                "email",
                "intake-cost-sla@example.com",
                "standard",
                "Checkout spins forever",
                "The checkout page just spins.",
                null);
        String instance = cases.get(reference).processInstanceId();

        assertThat(engine.getRuntimeService().getVariables(instance))
                .doesNotContainKeys("responseDue", "resolutionDue", "slaCalendar", "slaFirstWarning", "slaFinalWarning")
                .containsKeys("responseDueAt", "resolutionDueAt", "responseFirstWarningAt", "resolutionFinalWarningAt");
        assertThat(history.createHistoricDecisionInstanceQuery()
                        .processInstanceId(instance)
                        .decisionDefinitionKey("sla-targets")
                        .includeOutputs()
                        .singleResult()
                        .getOutputs())
                .extracting(output -> output.getVariableName())
                .contains("responseDue", "resolutionDue", "calendar");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableNameIn(
                                "responseDue", "resolutionDue", "slaCalendar", "slaFirstWarning", "slaFinalWarning")
                        .includeDeleted()
                        .count())
                .as("removed in the command that set them: no history row either")
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableName("responseDueAt")
                        .count())
                .isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableName("mailKind")
                        .includeDeleted()
                        .count())
                .as("a step's input parameter, gone when its step ended, keeps its history")
                .isEqualTo(1);
    }
}
