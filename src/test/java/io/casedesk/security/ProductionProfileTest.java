package io.casedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The prod profile's settings as application.yaml declares them (starting prod needs a real admin password and
 * takes a whole engine; SecuritySuiteTest shows the refused start, this shows what a started one gets).
 */
class ProductionProfileTest {

    @Test
    void prod_hasSecureCookies_hsts_noH2Console_noDemoUsers_andNoTraces() throws Exception {
        PropertySource<?> prod = document("prod");
        assertThat(prod.getProperty("server.servlet.session.cookie.secure")).isEqualTo(true);
        assertThat(prod.getProperty("server.servlet.session.cookie.http-only")).isEqualTo(true);
        assertThat(prod.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie"))
                .isEqualTo(true);
        assertThat(prod.getProperty("camunda.bpm.webapp.header-security.hsts-disabled"))
                .isEqualTo(false);
        assertThat(prod.getProperty("spring.h2.console.enabled")).isEqualTo(false);
        assertThat(prod.getProperty("casedesk.security.demo-users")).isEqualTo(false);
        assertThat(prod.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(prod.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }

    @Test
    void everyProfile_exposesOnlyHealthInfoPrometheus_andKeepsTheEngineHardened() throws Exception {
        PropertySource<?> base = document(null);
        assertThat(base.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus");
        assertThat(base.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        String engine = "camunda.bpm.generic-properties.properties.";
        assertThat(base.getProperty(engine + "javaSerializationFormatEnabled")).isEqualTo(false);
        assertThat(base.getProperty(engine + "deserializationTypeValidationEnabled"))
                .isEqualTo(true);
        assertThat(base.getProperty(engine + "enableExpressionsInAdhocQueries")).isEqualTo(false);
        assertThat(base.getProperty(engine + "enableExpressionsInStoredQueries"))
                .isEqualTo(false);
        assertThat(base.getProperty(engine + "enablePasswordPolicy")).isEqualTo(true);
        assertThat(base.getProperty(engine + "queryMaxResultsLimit")).isEqualTo(2000);
        assertThat(base.getProperty("camunda.bpm.authorization.enabled")).isEqualTo(true);
        assertThat(base.getProperty("casedesk.security.demo-users"))
                .as("demo users only in dev")
                .isNull();
    }

    private static PropertySource<?> document(String profile) throws Exception {
        List<PropertySource<?>> documents =
                new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
        return documents.stream()
                .filter(d -> profile == null
                        ? d.getProperty("spring.config.activate.on-profile") == null
                        : profile.equals(d.getProperty("spring.config.activate.on-profile")))
                .findFirst()
                .orElseThrow();
    }
}
