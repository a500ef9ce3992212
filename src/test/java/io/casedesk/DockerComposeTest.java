package io.casedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml, the proxy's configuration and the Dockerfile, read as Docker would (there is no Docker engine
 * in the build): two nodes of one build behind an official proxy that knows both and checks their health, every
 * image on an exact tag, a grace period on stop longer than Spring's graceful shutdown, MySQL as Camunda needs it.
 */
class DockerComposeTest {

    private static final Path DOCKER = Path.of("docker");
    private static final List<String> NODES = List.of("casedesk-1", "casedesk-2");
    /** An exact version in a tag: 8.4.11, 3.4.3-alpine, v1.30.5, 17.0.20_8-jre-noble. */
    private static final Pattern EXACT_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([._][0-9]+)*(-[a-z0-9.-]+)?");

    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static PropertySource<?> applicationYaml;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(DOCKER.resolve("compose.yaml"))) {
            // SnakeYAML resolves the anchor and its merge (<<: *casedesk-node) as Compose does
            compose = new Yaml().load(in);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
        applicationYaml = new YamlPropertySourceLoader()
                .load("application.yaml", new FileSystemResource("src/main/resources/application.yaml"))
                .get(0);
    }

    @Test
    void twoNodes_ofTheSameBuild_andTheSameSettings() {
        assertThat(services).containsKeys(NODES.toArray(String[]::new));
        Map<String, Object> first = services.get(NODES.get(0));
        Map<String, Object> second = services.get(NODES.get(1));

        assertThat(first.get("build")).isNotNull().isEqualTo(second.get("build"));
        assertThat(first.get("image")).isEqualTo(second.get("image"));
        assertThat(first.get("environment")).isEqualTo(second.get("environment"));
        Map<String, Object> build = map(first.get("build"));
        Path context = DOCKER.resolve((String) build.get("context")).normalize();
        assertThat(context.resolve("pom.xml"))
                .as("the build context is the repository")
                .exists();
        assertThat(context.resolve((String) build.get("dockerfile"))).exists();
        for (String node : NODES) {
            assertThat(services.get(node))
                    .as("%s: reached through the proxy only, so both nodes can run on one host", node)
                    .doesNotContainKey("ports");
        }
    }

    @Test
    void nodes_talkToMySql_withTheUrlOptionsCamundaNeeds() {
        for (String node : NODES) {
            Map<String, Object> environment = map(services.get(node).get("environment"));
            assertThat((String) environment.get("SPRING_PROFILES_ACTIVE")).contains("mysql");
            assertThat((String) environment.get("MYSQL_URL"))
                    .startsWith("jdbc:mysql://mysql:3306/")
                    .contains("sendFractionalSeconds=false")
                    .contains("nullDatabaseMeansCurrent=true");
        }
    }

    /**
     * Wherever a MySQL URL is written down for people or machines to copy (the mysql profile's default, README,
     * compose, CI), it carries the options the engine needs (MySqlNeighbourSchemaTest shows what the second prevents).
     */
    @Test
    void everyDocumentedMySqlUrl_carriesTheOptionsTheEngineNeeds() throws IOException {
        List<String> urls = new ArrayList<>();
        for (var document : new YamlPropertySourceLoader()
                .load("application.yaml", new FileSystemResource("src/main/resources/application.yaml"))) {
            Object url = document.getProperty("spring.datasource.url");
            if (url != null && url.toString().contains("jdbc:mysql:")) {
                urls.add(url.toString());
            }
        }
        for (Path file : List.of(Path.of("README.md"), Path.of(".ci", "run"), DOCKER.resolve("compose.yaml"))) {
            // URLs that name a database; a server's URL without one (the harness's and the benchmarks' setting, from
            // which they make databases of their own with both options) opens no engine
            Matcher url = Pattern.compile("jdbc:mysql://[^/\\s'\"`]+/[A-Za-z0-9_${][^\\s'\"`]*")
                    .matcher(read(file));
            while (url.find()) {
                urls.add(url.group());
            }
        }
        assertThat(urls).hasSizeGreaterThanOrEqualTo(5);
        assertThat(urls)
                .allSatisfy(url -> assertThat(url)
                        .contains("sendFractionalSeconds=false")
                        .contains("nullDatabaseMeansCurrent=true"));
    }

    @Test
    void nodes_haveAHealthCheck_onThePublicHealthEndpoint() {
        for (String node : NODES) {
            Map<String, Object> check = map(services.get(node).get("healthcheck"));
            assertThat(String.join(" ", strings(check.get("test"))))
                    .startsWith("CMD curl ")
                    .contains("--fail")
                    .endsWith("http://127.0.0.1:8080/actuator/health/readiness");
            assertThat(check).containsKeys("interval", "timeout", "retries", "start_period");
        }
        assertThat(read(DOCKER.resolve("Dockerfile")))
                .as("the runtime image has the tool the health check calls")
                .contains("RUN curl --version")
                .contains("HEALTHCHECK");
        assertThat(map(map(services.get("casedesk-2").get("depends_on")).get("casedesk-1")))
                .as("the second node starts once the first has created the engine's schema")
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void stopGracePeriod_isLongerThanSpringsGracefulShutdown() {
        assertThat(String.valueOf(applicationYaml.getProperty("server.shutdown")))
                .isEqualTo("graceful");
        Duration springShutdown = DurationStyle.detectAndParse(
                String.valueOf(applicationYaml.getProperty("spring.lifecycle.timeout-per-shutdown-phase")));
        for (String node : NODES) {
            Duration grace = composeDuration((String) services.get(node).get("stop_grace_period"));
            assertThat(grace)
                    .as(
                            "%s: docker kills after stop_grace_period; Spring may take %s to shut down",
                            node, springShutdown)
                    .isGreaterThan(springShutdown);
        }
    }

    @Test
    void proxy_isAnOfficialImage_onAnExactTag_andTheOnlyWayIn() {
        Map<String, Object> proxy = services.get("proxy");
        String image = (String) proxy.get("image");
        String repository = image.substring(0, image.indexOf(':'));
        assertThat(repository).as("an official Docker image (no namespace)").isIn("haproxy", "nginx");
        assertThat(tagOf(image)).matches(EXACT_TAG);
        assertThat(strings(proxy.get("ports"))).containsExactly("8080:8080");
        Map<String, Object> dependsOn = map(proxy.get("depends_on"));
        for (String node : NODES) {
            assertThat(map(dependsOn.get(node))).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void proxyConfiguration_namesBothNodes_andChecksTheirHealth() {
        Map<String, Object> proxy = services.get("proxy");
        String mount = strings(proxy.get("volumes")).get(0);
        assertThat(mount).endsWith(":/usr/local/etc/haproxy/haproxy.cfg:ro");
        Path configuration =
                DOCKER.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        List<String> lines = read(configuration)
                .lines()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .toList();

        for (String node : NODES) {
            assertThat(lines)
                    .as("a server line for %s on its port", node)
                    .anyMatch(line -> line.startsWith("server " + node + " " + node + ":8080"));
        }
        assertThat(lines).contains("option httpchk GET /actuator/health/readiness");
        assertThat(lines)
                .as("every server checked (active), and marked down on failed connections (passive)")
                .anySatisfy(line ->
                        assertThat(line).startsWith("default-server check").contains("on-error mark-down"));
        assertThat(lines)
                .as("a browser's login stays on its node (the webapps' sessions live in the node)")
                .anyMatch(line -> line.startsWith("cookie ") && line.contains(" insert"));
    }

    @Test
    void mySql_runsReadCommitted_withUtf8mb4Bin() {
        Map<String, Object> mysql = services.get("mysql");
        assertThat(strings(mysql.get("command")))
                .contains(
                        "--transaction-isolation=READ-COMMITTED",
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_bin");
        assertThat((String) mysql.get("image")).startsWith("mysql:8.4.");
        assertThat(mysql).containsKey("healthcheck");
    }

    @Test
    void everyImage_isPinnedToAnExactTag() {
        List<String> images = new ArrayList<>();
        services.forEach((name, service) -> {
            if (service.containsKey("image")) {
                images.add((String) service.get("image"));
            } else {
                assertThat(service).as("%s: an image or a build", name).containsKey("build");
            }
        });
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(read(DOCKER.resolve("Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(5);
        assertThat(images).allSatisfy(image -> {
            assertThat(image).as("no digest-less floating tag").doesNotContain(":latest");
            assertThat(tagOf(image)).as(image).matches(EXACT_TAG);
        });
    }

    private static String tagOf(String image) {
        int colon = image.lastIndexOf(':');
        assertThat(colon).as("%s names a tag", image).isGreaterThan(image.lastIndexOf('/'));
        return image.substring(colon + 1);
    }

    /** Compose's durations: 45s, 1m30s, 1h. */
    private static Duration composeDuration(String text) {
        Matcher part = Pattern.compile("(\\d+)(h|ms|m|s)").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find()) {
            assertThat(part.start()).as("a Compose duration: %s", text).isEqualTo(end);
            end = part.end();
            long amount = Long.parseLong(part.group(1));
            total = total.plus(
                    switch (part.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        default -> Duration.ofMillis(amount);
                    });
        }
        assertThat(end)
                .as("a Compose duration: %s", text)
                .isEqualTo(text.length())
                .isPositive();
        return total;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
