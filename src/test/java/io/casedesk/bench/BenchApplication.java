package io.casedesk.bench;

import io.casedesk.CasedeskApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application as production runs it (job executor on, real HTTP on a free port, mail to the test JVM's
 * GreenMail SMTP server through {@code TestMailEnvironment}), started on a database of the benchmark's own and
 * closed with it: {@link #close()} stops the application and drops what {@link Database} created (the H2 files, the
 * MariaDB database), so a benchmark leaves nothing behind. Profile {@code dev} gives the demo users of API.md.
 */
public final class BenchApplication implements AutoCloseable {

    /** Where the application keeps its data, and how to remove it afterwards. */
    public record Database(
            String label, String url, String user, String password, List<String> profiles, Runnable drop) {

        /** The settings of the default H2 URL in application.yaml, so the benchmark runs H2 as a laptop does. */
        static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";

        /** H2 in files of its own under target/bench (the laptop's default is an H2 file too). */
        public static Database h2(String name) {
            Path dir = Path.of(
                    "target", "bench", name + "-" + ProcessHandle.current().pid());
            deleteTree(dir);
            return new Database(
                    "H2",
                    "jdbc:h2:file:" + dir.toAbsolutePath().resolve("casedesk") + H2_SETTINGS,
                    "sa",
                    "",
                    List.of("dev"),
                    () -> deleteTree(dir));
        }

        /**
         * A fresh MariaDB/MySQL database {@code name} on the server of MYSQL_URL (default 127.0.0.1:3306, user root
         * with an empty password, or MYSQL_USER / MYSQL_PASSWORD), dropped again by {@link BenchApplication#close()};
         * empty with the reason printed when the server cannot be reached.
         */
        public static Optional<Database> mariaDb(String name) {
            return mariaDb(
                    name,
                    System.getenv().getOrDefault("MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/"),
                    System.getenv().getOrDefault("MYSQL_USER", "root"),
                    System.getenv().getOrDefault("MYSQL_PASSWORD", ""));
        }

        /** The same on the server of {@code serverOrDatabaseUrl} (a database or parameters in it are ignored). */
        public static Optional<Database> mariaDb(
                String name, String serverOrDatabaseUrl, String user, String password) {
            if (!name.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("database name " + name);
            }
            String server = serverUrl(serverOrDatabaseUrl);
            try (var connection = DriverManager.getConnection(server, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
                statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            } catch (SQLException e) {
                System.out.println("[benchmark] MariaDB skipped: " + server + " as " + user + ": " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(new Database(
                    "MariaDB",
                    server + name + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true",
                    user,
                    password,
                    List.of("dev", "mysql"),
                    () -> {
                        try (var connection = DriverManager.getConnection(server, user, password);
                                var statement = connection.createStatement()) {
                            statement.execute("DROP DATABASE IF EXISTS " + name);
                        } catch (SQLException e) {
                            System.out.println("[benchmark] could not drop " + name + ": " + e.getMessage());
                        }
                    }));
        }

        /** jdbc:mysql://host:port/ of a URL that may name a database and parameters. */
        private static String serverUrl(String url) {
            int hostStart = url.indexOf("//") + 2;
            int slash = url.indexOf('/', hostStart);
            return (slash < 0 ? url : url.substring(0, slash)) + "/";
        }
    }

    private final Database database;
    private final ConfigurableApplicationContext context;
    private final URI baseUri;

    private BenchApplication(Database database, ConfigurableApplicationContext context) {
        this.database = database;
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts the application on the database; {@code properties} are added to (and win over) the benchmark's
     * defaults, which lift the per-user intake rate limit (a load driver is one user) and keep inbound mail off.
     */
    public static BenchApplication start(
            Database database, Map<String, Object> properties, ApplicationContextInitializer<?>... initializers) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("spring.datasource.url", database.url());
        all.put("spring.datasource.username", database.user());
        all.put("spring.datasource.password", database.password());
        all.put("casedesk.rate-limit.intake.capacity", 1_000_000_000);
        all.put("logging.level.root", "WARN");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((key, value) -> args.add("--" + key + "=" + value));
        try {
            var context = new SpringApplicationBuilder(CasedeskApplication.class)
                    .profiles(database.profiles().toArray(String[]::new))
                    .initializers(initializers)
                    .run(args.toArray(String[]::new));
            return new BenchApplication(database, context);
        } catch (RuntimeException e) {
            database.drop().run();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    /** A request to this server as {@code user} of the dev demo users (password = user id). */
    public HttpRequest.Builder request(String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            database.drop().run();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
