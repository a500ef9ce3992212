package io.casedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The prod start-up check on its own; SecuritySuiteTest shows a real prod start being refused. */
class ProductionGuardTest {

    @Test
    void outsideProd_nothingIsChecked() {
        var env = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("casedesk.security.demo-users", "true");
        env.setActiveProfiles("dev");
        assertThat(ProductionGuard.problems(env)).isEmpty();
    }

    @Test
    void prodWithAStrongAdminPassword_starts() {
        var env = prod().withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "S0me-Long-Secret!");
        assertThat(ProductionGuard.problems(env)).isEmpty();
        assertThat(ProductionGuard.problems(prod()))
                .as("no admin user configured: nothing created")
                .isEmpty();
    }

    @Test
    void prodWithWeakOrUnsafeSettings_isRefused_withEveryReason() {
        for (String weak : new String[] {"", "  ", "admin", "Admin", "demo", "changeme", "password"}) {
            var env = prod().withProperty("camunda.bpm.admin-user.id", "admin")
                    .withProperty("camunda.bpm.admin-user.password", weak);
            assertThat(ProductionGuard.problems(env)).as("'" + weak + "'").hasSize(1);
        }
        var sameAsId = prod().withProperty("camunda.bpm.admin-user.id", "root-of-all")
                .withProperty("camunda.bpm.admin-user.password", "ROOT-OF-ALL");
        assertThat(ProductionGuard.problems(sameAsId)).hasSize(1);
        var missing = prod().withProperty("camunda.bpm.admin-user.id", "admin");
        assertThat(ProductionGuard.problems(missing)).singleElement().asString().contains("empty");

        var everything = prod().withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("casedesk.security.demo-users", "true")
                .withProperty("spring.h2.console.enabled", "true");
        everything.setActiveProfiles("prod", "dev");
        var problems = ProductionGuard.problems(everything);
        assertThat(problems).hasSize(4);

        FailureAnalysis analysis = new ProductionGuardFailureAnalyzer()
                .analyze(new ProductionGuard.InsecureProductionSettingsException(problems));
        assertThat(analysis.getDescription())
                .contains("demo-users")
                .contains("h2.console")
                .contains("dev profile");
        assertThat(analysis.getAction()).contains("camunda.bpm.admin-user.password");
    }

    @Test
    void prodWithAChannelWebhook_needsARealSecret() {
        var unsigned = prod().withProperty("casedesk.channels.chat.webhook-url", "https://chat.example.com/hook");
        assertThat(ProductionGuard.problems(unsigned))
                .singleElement()
                .asString()
                .contains("casedesk.channels.chat.webhook-url")
                .contains("without a secret");
        var devSecret = prod().withProperty("casedesk.channels.social.webhook-url", "https://social.example.com/hook")
                .withProperty("casedesk.channels.social.secret", "dev-webhook-secret");
        assertThat(ProductionGuard.problems(devSecret))
                .singleElement()
                .asString()
                .contains("social.secret");
        var signed = prod().withProperty("casedesk.channels.chat.webhook-url", "https://chat.example.com/hook")
                .withProperty("casedesk.channels.chat.secret", "8c1f0e9a7b2d4c6e")
                .withProperty("casedesk.channels.social.secret", "");
        assertThat(ProductionGuard.problems(signed))
                .as("a signed webhook, and a secret-less channel without a webhook")
                .isEmpty();
    }

    @Test
    void prodCombinedWithMysql_isCheckedToo() {
        var env = new MockEnvironment()
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "admin");
        env.setActiveProfiles("mysql", "prod");
        assertThat(ProductionGuard.problems(env)).hasSize(1);
    }

    private static MockEnvironment prod() {
        var env = new MockEnvironment();
        env.setActiveProfiles("prod");
        return env;
    }
}
