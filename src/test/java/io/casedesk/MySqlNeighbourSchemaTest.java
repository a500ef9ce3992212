package io.casedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh casedesk database on a MySQL/MariaDB server that already holds another Camunda schema (a second
 * application, staging) gets its own engine tables, with the URL options casedesk documents.
 * <p>
 * mysql-connector-j 8+ answers a metadata query without a catalog (which is how the engine asks "is ACT_GE_PROPERTY
 * there?") with the tables of every database on the server, unless the URL says nullDatabaseMeansCurrent=true. So
 * the engine finds the neighbour's tables, creates none, and its first read fails with "Table
 * '&lt;fresh&gt;.ACT_GE_PROPERTY' doesn't exist": the second test shows that failure, measured on MariaDB 10.11 with
 * mysql-connector-j 9.
 * <p>
 * Databases: MYSQL_NEIGHBOUR_URL and MYSQL_FRESH_URL (documented options included), with MYSQL_USER and
 * MYSQL_PASSWORD, which must be allowed to drop and create both databases (.ci/run grants that); the test creates
 * them empty and drops them at the end. Runs with `./mvnw -Pmysql-it test`; outside CI it is skipped when the two
 * URLs are not set.
 */
@Tag("mysql")
class MySqlNeighbourSchemaTest {

    private static final String OPTION = "nullDatabaseMeansCurrent=true";

    static String neighbourUrl;
    static String freshUrl;

    @BeforeAll
    static void emptyDatabases_andANeighbourWithItsEngineSchema() throws SQLException {
        neighbourUrl = System.getenv("MYSQL_NEIGHBOUR_URL");
        freshUrl = System.getenv("MYSQL_FRESH_URL");
        boolean configured = neighbourUrl != null && !neighbourUrl.isBlank() && freshUrl != null && !freshUrl.isBlank();
        if (!configured && "true".equals(System.getenv("CI"))) {
            fail("MYSQL_NEIGHBOUR_URL and MYSQL_FRESH_URL must be set in CI (.ci/run sets them)");
        }
        if (!configured) {
            // each test is skipped with the reason (an assumption here would skip the class without one)
            neighbourUrl = null;
            freshUrl = null;
            return;
        }
        assertThat(freshUrl).as("the documented URL options").contains(OPTION, "sendFractionalSeconds=false");

        emptyDatabase(neighbourUrl);

        try (HikariDataSource neighbour = dataSource(neighbourUrl)) {
            engine("neighbour", neighbour).close();
        }
        assertThat(engineTables(neighbourUrl))
                .as("the neighbour's own engine schema")
                .contains("act_ge_property", "act_ru_job");
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        if (neighbourUrl != null && freshUrl != null) {
            onServer("DROP DATABASE IF EXISTS " + database(neighbourUrl));
            onServer("DROP DATABASE IF EXISTS " + database(freshUrl));
        }
    }

    @Test
    void withoutTheOption_theEngineTakesTheNeighboursTablesForItsOwn_andFailsToStart() throws SQLException {
        assumeConfigured();
        emptyDatabase(freshUrl);
        String withoutOption = freshUrl.replace(OPTION, "nullDatabaseMeansCurrent=false");
        try (HikariDataSource fresh = dataSource(withoutOption)) {
            assertThatThrownBy(() -> engine("fresh-without-option", fresh).close())
                    .hasStackTraceContaining("ACT_GE_PROPERTY")
                    .hasStackTraceContaining("doesn't exist");
        }
        assertThat(engineTables(freshUrl))
                .as("it created nothing in the fresh database")
                .isEmpty();
    }

    @Test
    void withTheDocumentedUrl_aFreshDatabase_getsItsOwnEngineTables_andTheServicesTables() throws SQLException {
        assumeConfigured();
        emptyDatabase(freshUrl);
        try (HikariDataSource fresh = dataSource(freshUrl)) {
            // as the application starts: Flyway first (its own tables), then the engine
            Flyway.configure()
                    .dataSource(fresh)
                    .table("casedesk_schema_history")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            ProcessEngine engine = engine("fresh", fresh);
            try {
                assertThat(engine.getManagementService().getProperties()).containsKey("schema.version");
                assertThat(engine.getRepositoryService()
                                .createProcessDefinitionQuery()
                                .count())
                        .isZero();
            } finally {
                engine.close();
            }
        }
        assertThat(engineTables(freshUrl))
                .as("the fresh database has the whole engine schema of its own")
                .containsExactlyInAnyOrderElementsOf(engineTables(neighbourUrl));
        assertThat(tables(freshUrl)).contains("support_case", "customer_token", "casedesk_schema_history");
        assertThat(tables(neighbourUrl)).as("the neighbour is left alone").doesNotContain("support_case");
    }

    private static void assumeConfigured() {
        assumeTrue(
                neighbourUrl != null && freshUrl != null,
                "MYSQL_NEIGHBOUR_URL and MYSQL_FRESH_URL name no databases for the neighbour test");
    }

    /** A plain engine that creates its schema if it finds none, as casedesk's does (schema-update: true). */
    private static ProcessEngine engine(String name, HikariDataSource dataSource) {
        var configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("neighbour-test-" + name);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setMetricsEnabled(false);
        return configuration.buildProcessEngine();
    }

    /** READ COMMITTED, as the mysql profile sets it (the engine refuses anything else). */
    private static HikariDataSource dataSource(String url) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(System.getenv("MYSQL_USER"));
        dataSource.setPassword(System.getenv("MYSQL_PASSWORD"));
        dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    private static List<String> engineTables(String url) {
        return tables(url).stream().filter(t -> t.startsWith("act_")).toList();
    }

    /** The tables of the URL's own database, lower case. */
    private static List<String> tables(String url) {
        try (HikariDataSource server = dataSource(serverUrl(url))) {
            return new JdbcTemplate(server)
                            .queryForList(
                                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                                    String.class,
                                    database(url))
                            .stream()
                            .map(t -> t.toLowerCase(Locale.ROOT))
                            .sorted()
                            .toList();
        }
    }

    private static void emptyDatabase(String url) throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + database(url));
        onServer("CREATE DATABASE " + database(url) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    private static void onServer(String sql) throws SQLException {
        try (HikariDataSource server = dataSource(serverUrl(neighbourUrl));
                Connection connection = server.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** jdbc:mysql://host:port/name?options → name (checked to be a plain name: it is written into SQL). */
    private static String database(String url) {
        String afterHost = url.substring(url.indexOf("//") + 2);
        String path = afterHost.substring(afterHost.indexOf('/') + 1);
        String name = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        assertThat(name).matches("[A-Za-z0-9_]+");
        return name;
    }

    /** The same server and options without a database. */
    private static String serverUrl(String url) {
        return url.replaceFirst("^(jdbc:mysql://[^/]+/)[A-Za-z0-9_]+", "$1");
    }
}
