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
 * the map a test fills before each test ({@link #use(Map)}) with the real delegates built on mocked services.
 */
public final class PlainEngine {

    /**
     * Where the flow tests set the engine's clock: a Monday morning in the past. {@link ClockUtil} is the JVM's, so
     * the job executors of the Spring contexts cached in the same JVM read it too while a flow test runs; in the
     * past, nothing of theirs falls due meanwhile.
     */
    public static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");

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

    /** An engine of its own for one test class, with history handlers beside the database's. */
    public static PlainEngine named(String name, HistoryEventHandler... historyEventHandlers) {
        return new PlainEngine(name, List.of(historyEventHandlers));
    }

    /** The JUnit extension that builds the engine and asserts its flow-node coverage over the class. */
    public ProcessEngineCoverageExtension withCoverageAtLeast(double atLeast) {
        return ProcessEngineCoverageExtension.builder(configuration)
                .assertClassCoverageAtLeast(atLeast)
                .build();
    }

    /** What the model's expressions see; replace the content before each test. */
    public void use(Map<String, Object> delegates) {
        beans.clear();
        beans.putAll(delegates);
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

    /** Sets the engine's clock; the extension resets it after each test. */
    public static void now(Instant instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(instant));
    }
}
