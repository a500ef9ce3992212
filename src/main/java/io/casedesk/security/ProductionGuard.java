package io.casedesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the prod profile with settings only fit for a laptop: an empty or well-known admin password
 * (Camunda's starter uses the user id when camunda.bpm.admin-user.password is missing), demo users, the dev
 * profile, the H2 console, or a channel webhook without a real signing secret. It runs while the environment is prepared, before any bean or the engine exists, so
 * nothing is created with the weak password; ProductionGuardFailureAnalyzer prints the reasons.
 * Registered in META-INF/spring.factories.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

    static final String PROFILE = "prod";
    /** The channels whose replies also go to an integration's webhook, signed with its secret. */
    private static final List<String> WEBHOOK_CHANNELS = List.of("chat", "social");

    private static final Set<String> WELL_KNOWN = Set.of(
            "demo",
            "admin",
            "administrator",
            "camunda",
            "changeme",
            "change-me",
            "password",
            "secret",
            "root",
            "test",
            "123456",
            "12345678",
            "passw0rd",
            "letmein");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new InsecureProductionSettingsException(problems);
        }
    }

    /** What makes these settings unfit for production; empty outside the prod profile. */
    static List<String> problems(Environment env) {
        if (!env.acceptsProfiles(Profiles.of(PROFILE))) {
            return List.of();
        }
        var problems = new ArrayList<String>();
        String adminId = env.getProperty("camunda.bpm.admin-user.id");
        if (adminId != null && !adminId.isBlank()) {
            String password = env.getProperty("camunda.bpm.admin-user.password");
            if (password == null || password.isBlank()) {
                problems.add("camunda.bpm.admin-user.password is empty (Camunda would use the user id as password)");
            } else if (password.equalsIgnoreCase(adminId) || WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))) {
                problems.add("camunda.bpm.admin-user.password is a default or well-known password");
            }
        }
        if (env.getProperty("casedesk.security.demo-users", Boolean.class, false)) {
            problems.add("casedesk.security.demo-users is true (demo users have password = user id)");
        }
        if (env.acceptsProfiles(Profiles.of("dev"))) {
            problems.add("the dev profile is active together with prod");
        }
        if (env.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
            problems.add("spring.h2.console.enabled is true");
        }
        for (String channel : WEBHOOK_CHANNELS) {
            String url = env.getProperty("casedesk.channels." + channel + ".webhook-url");
            String secret = env.getProperty("casedesk.channels." + channel + ".secret");
            if (url != null && !url.isBlank()) {
                if (secret == null || secret.isBlank()) {
                    problems.add("casedesk.channels." + channel + ".webhook-url is set without a secret (the "
                            + "integration could not tell our messages from forged ones)");
                } else if (WELL_KNOWN.contains(secret.toLowerCase(Locale.ROOT)) || secret.startsWith("dev-")) {
                    problems.add("casedesk.channels." + channel + ".secret is a default or well-known secret");
                }
            }
        }
        return problems;
    }

    /** Thrown at start-up of the prod profile with unsafe settings. */
    public static class InsecureProductionSettingsException extends IllegalStateException {

        private final transient List<String> problems;

        InsecureProductionSettingsException(List<String> problems) {
            super("Refusing to start with profile prod: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
