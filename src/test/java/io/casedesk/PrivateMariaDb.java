package io.casedesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of a test's own, on a free port with a throw-away data directory, that the test may kill and start
 * again on the same data (an outage), never the machine's shared server. Root logs in from 127.0.0.1 without a
 * password. {@link #close()} kills it and deletes its directory; a JVM shutdown hook does the same if the test never
 * gets there.
 */
final class PrivateMariaDb implements AutoCloseable {

    static final Path SERVER = Path.of(System.getProperty("casedesk.mariadbd", "/usr/sbin/mariadbd"));
    static final Path INSTALL =
            Path.of(System.getProperty("casedesk.mariadb-install-db", "/usr/bin/mariadb-install-db"));

    private final Path dir;
    private final int port;
    private final Thread cleanup = new Thread(this::destroy, "private-mariadb-cleanup");
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Why a private server cannot be run here, or null when it can. */
    static String unavailableReason() {
        if (!Files.isExecutable(SERVER)) {
            return "no MariaDB server binary at " + SERVER + " (-Dcasedesk.mariadbd=…)";
        }
        if (!Files.isExecutable(INSTALL)) {
            return "no mariadb-install-db at " + INSTALL + " (-Dcasedesk.mariadb-install-db=…)";
        }
        return null;
    }

    /** A fresh data directory and a running server on a free port. */
    static PrivateMariaDb start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("casedesk-outage-db");
        var db = new PrivateMariaDb(dir, freePort());
        Runtime.getRuntime().addShutdownHook(db.cleanup);
        try {
            db.install();
            db.startServer();
            return db;
        } catch (IOException | InterruptedException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&createDatabaseIfNotExist=true";
    }

    int port() {
        return port;
    }

    long pid() {
        return server.pid();
    }

    /** SIGKILL: the server dies as in a crash, with transactions open; InnoDB recovers them at the next start. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("mariadbd " + server.pid() + " did not die");
        }
    }

    /** Starts the server again on the same data directory and port, and waits until it answers. */
    void restart() throws IOException, InterruptedException {
        startServer();
    }

    private void install() throws IOException, InterruptedException {
        run(List.of(
                INSTALL.toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal",
                "--user=" + System.getProperty("user.name"),
                "--skip-test-db"));
    }

    private void startServer() throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("sock"),
                "--pid-file=" + dir.resolve("pid"),
                "--log-error=" + dir.resolve("error.log"),
                "--user=" + System.getProperty("user.name"),
                // what Camunda needs on MySQL/MariaDB, and the collation .ci/run gives the shared server's databases
                "--transaction-isolation=READ-COMMITTED",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin",
                "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M",
                "--max-connections=200"));
        server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.out").toFile())
                .start();
        awaitReady(Duration.ofSeconds(60));
    }

    private void awaitReady(Duration patience) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(patience);
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=1000";
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + server.exitValue() + ": " + errorLog());
            }
            try (var connection = DriverManager.getConnection(url, "root", "")) {
                connection.createStatement().execute("SELECT 1");
                return;
            } catch (java.sql.SQLException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("mariadbd did not answer within " + patience + ": " + errorLog());
                }
                Thread.sleep(200);
            }
        }
    }

    private String errorLog() throws IOException {
        Path log = dir.resolve("error.log");
        if (!Files.exists(log)) {
            return "(no error log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("install.out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(out));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void destroy() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            try {
                server.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("[private mariadb] could not delete " + dir + ": " + e);
            }
        }
    }
}
