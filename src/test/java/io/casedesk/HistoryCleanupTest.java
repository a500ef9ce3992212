package io.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.container.impl.metadata.PropertyHelper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Camunda's history cleanup as application.yaml configures it (its camunda.bpm.generic-properties applied to a plain
 * in-memory engine, as the Spring Boot starter applies them), with the real models deployed: every model has a time
 * to live, the cleanup job waits for the nightly window, and a run removes the history whose time to live is over
 * and keeps the younger history and that of running instances. Times are in the past, so the JVM-wide engine clock
 * ({@link ClockUtil}) moved here makes nothing of the Spring contexts' engines fall due (see {@link PlainEngine}).
 */
class HistoryCleanupTest {

    private static final String GENERIC = "camunda.bpm.generic-properties.properties.";
    private static final Instant DAY_ONE = Instant.parse("2025-01-06T10:00:00Z");
    private static final String PROBE = "history-probe";

    static ProcessEngineConfigurationImpl configuration;
    static ProcessEngine engine;

    @BeforeAll
    static void engineWithTheApplicationsHistorySettings() throws IOException {
        var c = new StandaloneInMemProcessEngineConfiguration();
        c.setProcessEngineName("history-cleanup");
        c.setJdbcUrl("jdbc:h2:mem:history-cleanup;DB_CLOSE_DELAY=-1");
        c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        c.setJobExecutorActivate(false);
        c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        c.setMetricsEnabled(false);
        // trend-watch's start timer reads its cycle from a bean when the model is deployed
        c.setBeans(new HashMap<>(Map.of("trendCycle", new TrendWatchCycle())));
        // fails on a property the engine does not know, as the starter does
        PropertyHelper.applyProperties(c, genericPropertiesOfApplicationYaml());
        configuration = c;
        engine = c.buildProcessEngine();

        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment();
        for (String folder : List.of("bpmn", "dmn", "forms")) {
            try (Stream<Path> models = Files.list(Path.of(folder))) {
                for (Path model : models.sorted().toList()) {
                    deployment.addString(model.getFileName().toString(), Files.readString(model));
                }
            }
        }
        // a process that runs without the application's beans, living as long as support-case's history
        deployment.addModelInstance(
                PROBE + ".bpmn",
                Bpmn.createExecutableProcess(PROBE)
                        .camundaHistoryTimeToLiveString(supportCaseTimeToLive())
                        .startEvent()
                        .userTask("Task_Wait")
                        .endEvent()
                        .done());
        deployment.deploy();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @AfterAll
    static void close() {
        ClockUtil.reset();
        engine.close();
    }

    @Test
    void everyDeployedProcessAndDecision_hasAHistoryTimeToLive() {
        List<ProcessDefinition> processes =
                engine.getRepositoryService().createProcessDefinitionQuery().list();
        List<DecisionDefinition> decisions =
                engine.getRepositoryService().createDecisionDefinitionQuery().list();
        assertThat(processes).extracting(ProcessDefinition::getKey).contains("support-case", "mail-delivery");
        assertThat(decisions).extracting(DecisionDefinition::getKey).contains("case-priority", "routing");
        assertThat(processes)
                .allSatisfy(
                        p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isPositive());
        assertThat(decisions)
                .allSatisfy(
                        d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isPositive());
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
    }

    @Test
    void theCleanupJob_waitsForTheNightlyWindow() {
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        ClockUtil.setCurrentTime(Date.from(DAY_ONE));

        Job job = engine.getHistoryService().cleanUpHistoryAsync();

        LocalTime due =
                job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
        assertThat(due).as("due at the window's start").isEqualTo(LocalTime.of(1, 0));
        assertThat(job.getDuedate()).isAfter(Date.from(DAY_ONE));
        assertThat(Duration.between(DAY_ONE, job.getDuedate().toInstant())).isLessThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    void historyOlderThanItsTimeToLive_isRemoved_youngerHistoryAndRunningInstancesStay() {
        Duration timeToLive = Duration.ofDays(Integer.parseInt(supportCaseTimeToLive()));
        ClockUtil.setCurrentTime(Date.from(DAY_ONE));
        String old = finishedProbe("old");
        String running = startProbe("running");
        String oldDecision = evaluateRouting();

        ClockUtil.setCurrentTime(Date.from(DAY_ONE.plus(Duration.ofDays(100))));
        String young = finishedProbe("young");
        String youngDecision = evaluateRouting();

        ClockUtil.setCurrentTime(Date.from(DAY_ONE.plus(timeToLive).plus(Duration.ofDays(1))));
        HistoryService history = engine.getHistoryService();
        Job cleanup = history.cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(old)
                        .count())
                .as("ended a time to live and a day ago")
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(old)
                        .count())
                .isZero();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(old)
                        .count())
                .isZero();
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(old)
                        .count())
                .isZero();
        assertThat(history.createHistoricDecisionInstanceQuery()
                        .decisionInstanceId(oldDecision)
                        .count())
                .isZero();

        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceIds(java.util.Set.of(young, running))
                        .count())
                .as("younger than its time to live, and still running (started as long ago as the old one)")
                .isEqualTo(2);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(young)
                        .count())
                .isEqualTo(1);
        assertThat(history.createHistoricDecisionInstanceQuery()
                        .decisionInstanceId(youngDecision)
                        .count())
                .isEqualTo(1);
    }

    private static String finishedProbe(String name) {
        String id = startProbe(name);
        var tasks = engine.getTaskService();
        tasks.complete(
                tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
        return id;
    }

    private static String startProbe(String name) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(PROBE, name, Map.of("caseReference", name))
                .getId();
    }

    private static String evaluateRouting() {
        engine.getDecisionService()
                .evaluateDecisionTableByKey(
                        "routing", Map.of("category", "delivery", "priority", "P3", "channel", "chat"));
        return engine.getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("routing")
                .orderByEvaluationTime()
                .desc()
                .list()
                .get(0)
                .getId();
    }

    private static String supportCaseTimeToLive() {
        try (InputStream in = Files.newInputStream(Path.of("bpmn", "support-case.bpmn"))) {
            return Bpmn.readModelFromStream(in)
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                    .iterator()
                    .next()
                    .getCamundaHistoryTimeToLiveString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> genericPropertiesOfApplicationYaml() throws IOException {
        var defaults = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yaml", new FileSystemResource("src/main/resources/application.yaml"))
                .get(0);
        Map<String, String> properties = new TreeMap<>();
        for (String name : defaults.getPropertyNames()) {
            if (name.startsWith(GENERIC)) {
                properties.put(name.substring(GENERIC.length()), String.valueOf(defaults.getProperty(name)));
            }
        }
        assertThat(properties).containsKeys("historyCleanupBatchWindowStartTime", "historyCleanupStrategy");
        return properties;
    }

    /** The cycle expression of trend-watch's start event, as the application's trendCycle bean answers it. */
    public static final class TrendWatchCycle {
        public String getCycle() {
            return "R/PT5M";
        }
    }
}
