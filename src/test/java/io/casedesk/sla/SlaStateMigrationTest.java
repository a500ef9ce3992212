package io.casedesk.sla;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration V9 on a fresh in-memory H2 database. */
class SlaStateMigrationTest extends SlaStateMigrationScenario {

    @Override
    DataSource database() {
        return new DriverManagerDataSource(
                "jdbc:h2:mem:sla-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
