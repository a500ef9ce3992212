package io.casedesk.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The cases' store on a database of its own with casedesk's migrations and no Spring context, for tests that need
 * real SQL and nothing else (in this package and others): an in-memory H2 database, or a given one (MariaDB).
 */
public final class CaseStoreFixture {

    private final DataSource database;
    private final JdbcClient jdbc;
    private final List<Object> published = new ArrayList<>();

    private CaseStoreFixture(DataSource database) {
        this.database = database;
        Flyway.configure()
                .dataSource(database)
                .table("casedesk_schema_history")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(database);
    }

    public static CaseStoreFixture inMemory() {
        return new CaseStoreFixture(new DriverManagerDataSource(
                "jdbc:h2:mem:case-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public static CaseStoreFixture on(DataSource database) {
        return new CaseStoreFixture(database);
    }

    public DataSource database() {
        return database;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public CaseTrends caseTrends() {
        return new CaseTrends(jdbc);
    }

    /** A case service without SLAs whose messages all score {@code score}; its events go to {@link #published}. */
    public CaseService caseService(Clock clock, double score) {
        return new CaseService(new CaseRepository(jdbc), ids -> Map.of(), text -> score, clock, published::add);
    }

    public List<Object> published() {
        return published;
    }
}
