package io.casedesk.bench;

import io.casedesk.CasedeskApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The databases a benchmark runs on, one after the other in the same JVM: H2 in a file (as {@code ./mvnw
 * spring-boot:run} keeps its data) and, when its server answers, MariaDB/MySQL. Each benchmark gets fresh, empty
 * databases named {@code casedesk_bench_*} and drops them again however it ends.
 * <p>
 * The server is {@code -Dbenchmark.mysql.url} (or the server part of env {@code MYSQL_URL}), default
 * {@code jdbc:mysql://127.0.0.1:3306}, as {@code -Dbenchmark.mysql.user} / {@code MYSQL_USER} (default root) with
 * {@code -Dbenchmark.mysql.password} / {@code MYSQL_PASSWORD} (default empty). {@code -Dbenchmark.databases=h2}
 * or {@code =mysql} runs on one only.
 */
final class BenchDatabases {

    private static final String PREFIX = "casedesk_bench_";
    /** What application.yaml's mysql profile asks of the URL: Camunda 7 needs both on MySQL/MariaDB. */
    private static final String MYSQL_PARAMETERS = "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true";

    private BenchDatabases() {}

    /** H2 and, if reachable, MariaDB/MySQL; says so on stdout when the server does not answer. */
    static List<Kind> available() {
        String chosen = System.getProperty("benchmark.databases", "h2,mysql");
        var kinds = new ArrayList<Kind>();
        if (chosen.contains("h2")) {
            kinds.add(new Kind("H2", null, null, null));
        }
        if (chosen.contains("mysql")) {
            String server = setting("benchmark.mysql.url", "MYSQL_URL", "jdbc:mysql://127.0.0.1:3306");
            Matcher base = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)").matcher(server);
            String url = base.find() ? base.group(1) : server;
            String user = setting("benchmark.mysql.user", "MYSQL_USER", "root");
            String password = setting("benchmark.mysql.password", "MYSQL_PASSWORD", "");
            try (Connection c = DriverManager.getConnection(url + "/" + MYSQL_PARAMETERS, user, password);
                    var rs = c.createStatement().executeQuery("SELECT VERSION()")) {
                rs.next();
                String version = rs.getString(1);
                String label = (version.toLowerCase().contains("mariadb") ? "MariaDB " : "MySQL ")
                        + version.replaceFirst("-.*", "");
                kinds.add(new Kind(label, url, user, password));
            } catch (SQLException e) {
                System.out.println(
                        "MariaDB/MySQL at " + url + " unreachable (" + e.getMessage() + "): this run measures H2 only");
            }
        }
        return kinds;
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value;
    }

    /** A kind of database: H2 when {@code serverUrl} is null, else the MariaDB/MySQL server. */
    record Kind(String label, String serverUrl, String user, String password) {

        boolean h2() {
            return serverUrl == null;
        }

        /** A fresh, empty database {@code casedesk_bench_<name>} of this kind; closing it drops it. */
        Database create(String name) {
            String database = PREFIX + name;
            BenchApplication.Database created = h2()
                    ? BenchApplication.Database.h2(database)
                    : BenchApplication.Database.mariaDb(database, serverUrl, user, password)
                            .orElseThrow(() -> new IllegalStateException("cannot create " + database));
            return new Database(this, created.url(), created.user(), created.password(), created.drop());
        }
    }

    /** One benchmark's database; {@link #start} runs the whole application on it. */
    record Database(Kind kind, String url, String user, String password, Runnable drop) implements AutoCloseable {

        /**
         * The whole application as {@code java -jar} runs it (no dev profile: no demo users, no local mail
         * capture), on a free port, the job executor running, mail to the JVM's test SMTP server (the test
         * classpath's TestMailEnvironment), on this database; {@code properties} are {@code name=value} pairs
         * that override the application's.
         */
        ConfigurableApplicationContext start(String... properties) {
            return start(List.of(), properties);
        }

        /** The application as {@link #start(String...)} starts it, with listeners to its events from the first. */
        ConfigurableApplicationContext start(List<ApplicationListener<?>> listeners, String... properties) {
            var args = new ArrayList<String>(List.of(
                    "--spring.profiles.active=" + (kind.h2() ? "bench" : "bench,mysql"),
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password,
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"));
            for (String property : properties) {
                args.add("--" + property);
            }
            return new SpringApplicationBuilder(CasedeskApplication.class)
                    .listeners(listeners.toArray(ApplicationListener[]::new))
                    .run(args.toArray(String[]::new));
        }

        @Override
        public void close() {
            drop.run();
        }
    }
}
