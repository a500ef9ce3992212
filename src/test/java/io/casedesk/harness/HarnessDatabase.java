package io.casedesk.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's MariaDB/MySQL databases: each scenario gets a fresh one ({@code casedesk_harness_*}), dropped again when
 * the harness ends, however it ends. The server and the account come from {@code HARNESS_MYSQL_URL} (a server URL,
 * default {@code jdbc:mysql://127.0.0.1:3306/}), {@code HARNESS_MYSQL_USER} (default root) and
 * {@code HARNESS_MYSQL_PASSWORD} (default empty); the account needs all rights on {@code casedesk_harness_%}.
 */
final class HarnessDatabase implements AutoCloseable {

    static final String PREFIX = "casedesk_harness_";
    private static final String OPTIONS = "sendFractionalSeconds=false&nullDatabaseMeansCurrent=true";

    record Database(String name, String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private final String server;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();

    HarnessDatabase() {
        String url = env("HARNESS_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
        this.server = url.endsWith("/") ? url : url + "/";
        this.user = env("HARNESS_MYSQL_USER", "root");
        this.password = env("HARNESS_MYSQL_PASSWORD", "");
    }

    Database fresh(String suffix) throws SQLException {
        String name = PREFIX + suffix;
        try (Connection c = DriverManager.getConnection(server + "?" + OPTIONS, user, password);
                var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        created.add(name);
        return new Database(name, server + name + "?" + OPTIONS, user, password);
    }

    /** Drops every database this harness created; returns what could not be dropped and why. */
    Map<String, String> dropAll() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (String name : created) {
            try (Connection c = DriverManager.getConnection(server + "?" + OPTIONS, user, password);
                    var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                failures.put(name, e.getMessage());
            }
        }
        created.clear();
        return failures;
    }

    @Override
    public void close() {
        dropAll().forEach((name, why) -> System.err.println("[harness] could not drop " + name + ": " + why));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
