package io.casedesk;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same end-to-end case on a real MySQL or MariaDB server (profile mysql; MYSQL_URL, MYSQL_USER,
 * MYSQL_PASSWORD). Runs with `./mvnw -Pmysql-it test`, which .ci/run does against the machine's MariaDB.
 */
@Tag("mysql")
@ActiveProfiles({"dev", "mysql"})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseLifecycleMySqlTest extends CaseLifecycleScenario {}
