package io.casedesk.metrics;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The metrics benchmark on MySQL/MariaDB (profile mysql: MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD; give it an empty
 * database of its own, and add rewriteBatchedStatements=true to the URL to load faster). Not run by any suite:
 * <pre>./mvnw -Pmysql-it test -Dtest=MetricsMySqlBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("mysql")
@ActiveProfiles("mysql")
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class MetricsMySqlBenchmark extends MetricsBenchmarkScenario {}
