package io.casedesk.trends;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TrendDetectionTest extends TrendDetectionScenario {

    private final DataSource database =
            new DriverManagerDataSource("jdbc:h2:mem:trends-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource database() {
        return database;
    }
}
