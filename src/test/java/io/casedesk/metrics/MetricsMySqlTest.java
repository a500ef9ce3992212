package io.casedesk.metrics;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The metric definitions on a real MySQL or MariaDB server (profile mysql; MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD),
 * in the context of CaseLifecycleMySqlTest. Runs with `./mvnw -Pmysql-it test`.
 */
@Tag("mysql")
@ActiveProfiles({"dev", "mysql"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsMySqlTest extends MetricsScenario {}
