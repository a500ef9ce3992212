package io.casedesk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of the fast process tests: Camunda on its own, in memory (H2), job executor off, history full, with
 * the flow-node coverage listeners. A model's expressions ({@code ${registerCase}}) find their beans in
 * {@link #beans()}, which a test fills before each test with the real delegates built on mocked services.
 */
public final class PlainEngine {

    private final ProcessEngineConfigurationImpl configuration;
    private final Map<Object, Object> beans = new HashMap<>();

    private PlainEngine(String name, List<HistoryEventHandler> historyEventHandlers) {
        var c = new ProcessCoverageInMemProcessEngineConfiguration();
        c.setProcessEngineName(name);
        c.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        c.setJobExecutorActivate(false);
        c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        c.setMetricsEnabled(false);
        c.setBeans(beans);
        c.setCustomHistoryEventHandlers(historyEventHandlers);
        this.configuration = c;
    }

    /** An engine of its own for one test class; its flow-node coverage over the class must reach {@code atLeast}. */
    public static PlainEngine named(String name, HistoryEventHandler... historyEventHandlers) {
        return new PlainEngine(name, List.of(historyEventHandlers));
    }

    public ProcessEngineCoverageExtension withCoverageAtLeast(double atLeast) {
        return ProcessEngineCoverageExtension.builder(configuration).assertClassCoverageAtLeast(atLeast).build();
    }

    /** What the model's expressions see; replace the content before each test. */
    public void use(Map<String, Object> delegates) {
        beans.clear();
        beans.putAll(delegates);
    }

    public Map<Object, Object> beans() {
        return beans;
    }

    /** The engine's clock ({@link ClockUtil}) as a {@link Clock}, for delegates that take one. */
    public static Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the engine's clock is UTC");
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }

    /** Sets the engine's clock. */
    public static void now(Instant instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(instant));
    }
}
