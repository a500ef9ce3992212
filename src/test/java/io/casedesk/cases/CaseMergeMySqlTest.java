package io.casedesk.cases;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Duplicates and merging on a real MySQL or MariaDB server (profile mysql; MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD),
 * in the application context of CaseLifecycleMySqlTest. Runs with `./mvnw -Pmysql-it test`.
 */
@Tag("mysql")
@ActiveProfiles({"dev", "mysql"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseMergeMySqlTest extends CaseMergeScenario {}
