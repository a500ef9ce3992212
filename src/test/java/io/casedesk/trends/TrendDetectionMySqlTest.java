package io.casedesk.trends;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The detection SQL on a real MySQL or MariaDB server: the suite's database (MYSQL_URL, MYSQL_USER, MYSQL_PASSWORD),
 * migrated as the application migrates it. Runs with `./mvnw -Pmysql-it test`.
 */
@Tag("mysql")
class TrendDetectionMySqlTest extends TrendDetectionScenario {

    @Override
    DataSource database() {
        String url = System.getenv("MYSQL_URL");
        assumeTrue(url != null && !url.isBlank(), "MYSQL_URL names no database for the MySQL suite");
        return new DriverManagerDataSource(url, System.getenv("MYSQL_USER"), System.getenv("MYSQL_PASSWORD"));
    }
}
