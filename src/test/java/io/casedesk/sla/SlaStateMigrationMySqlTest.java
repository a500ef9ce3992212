package io.casedesk.sla;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V9 on a real MySQL or MariaDB server, in an empty database of its own: MYSQL_MIGRATION_URL (with
 * MYSQL_USER, MYSQL_PASSWORD), which .ci/run creates beside the suite's database. Runs with `./mvnw -Pmysql-it test`.
 */
@Tag("mysql")
class SlaStateMigrationMySqlTest extends SlaStateMigrationScenario {

    @Override
    DataSource database() {
        String url = System.getenv("MYSQL_MIGRATION_URL");
        assumeTrue(url != null && !url.isBlank(), "MYSQL_MIGRATION_URL names no empty database for the migration test");
        return new DriverManagerDataSource(url, System.getenv("MYSQL_USER"), System.getenv("MYSQL_PASSWORD"));
    }
}
