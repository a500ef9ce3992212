package io.casedesk.harness;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One casedesk node: the packaged jar in a JVM of its own (profiles dev and mysql), on a fixed free port that a
 * restart keeps, so the clients' retries find it again. {@link #kill()} is SIGKILL: no shutdown hook, no commit, the
 * database sees the connections drop.
 */
final class AppNode implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(180);

    final String name;
    final int port;
    private final List<String> arguments;
    private final Path logDirectory;
    private Process process;
    private int starts;

    AppNode(String name, HarnessDatabase.Database database, int smtpPort, List<String> extra, Path logDirectory)
            throws IOException {
        this.name = name;
        this.port = freePort();
        this.logDirectory = logDirectory;
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=dev,mysql",
                "--server.port=" + port,
                "--casedesk.public-url=http://127.0.0.1:" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // the engine writes this name into ACT_HI_JOB_LOG.HOSTNAME_: which node ran which job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // the harness's intake is faster than a real integration's; the limit is not what is tested here
                "--casedesk.rate-limit.intake.capacity=1000000",
                // manager notices go out within the run instead of gathering for ten minutes
                "--casedesk.mail.notification-window=PT2S",
                "--logging.level.root=WARN",
                "--logging.level.io.casedesk=INFO"));
        args.addAll(extra);
        this.arguments = List.copyOf(args);
    }

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("casedesk-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/casedesk-*.jar: run ./mvnw -DskipTests package first"));
        }
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the JVM and waits until /actuator/health is UP; returns when that was. */
    Instant start() throws IOException, InterruptedException {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toAbsolutePath().toString()));
        command.addAll(arguments);
        File log = logDirectory.resolve(name + "-" + starts + ".log").toFile();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        // should the harness JVM itself be killed, .ci/run's cleanup ends this node by the id written here
        Files.writeString(pidFile(), Long.toString(process.pid()));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                var health = http.send(
                        HttpRequest.newBuilder(base().resolve("/actuator/health"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Instant.now();
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not up within " + START_PATIENCE + ", see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, and waits until the process is gone. */
    Instant kill() throws InterruptedException, IOException {
        process.destroyForcibly();
        process.waitFor();
        Instant killed = Instant.now();
        Files.deleteIfExists(pidFile());
        return killed;
    }

    private Path pidFile() {
        return logDirectory.resolve(name + ".pid");
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        Files.deleteIfExists(pidFile());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
