package io.casedesk.metrics;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The metrics benchmark on embedded H2 (not run by ./mvnw verify):
 * <pre>./mvnw test -Dtest=MetricsBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.cases=1000000]</pre>
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            // H2 would otherwise answer a repeated query on unchanged tables from its last result
            "spring.datasource.url=jdbc:h2:mem:metrics-benchmark;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE",
            "camunda.bpm.job-execution.enabled=false"
        })
class MetricsBenchmark extends MetricsBenchmarkScenario {}
