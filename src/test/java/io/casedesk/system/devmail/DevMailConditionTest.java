package io.casedesk.system.devmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** When the dev mail capture exists: profile dev (also as the default profile) and no spring.mail.host. */
class DevMailConditionTest {

    @Configuration(proxyBeanMethods = false)
    @DevMailCapture
    static class Probe {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);

    @Test
    void devWithoutMailHost_captures() {
        runner.withPropertyValues("spring.profiles.active=dev")
                .run(context -> assertThat(context).hasSingleBean(Probe.class));
        runner.withPropertyValues("spring.profiles.default=dev")
                .run(context -> assertThat(context).hasSingleBean(Probe.class));
        runner.withPropertyValues("spring.profiles.active=dev", "spring.mail.host=")
                .run(context -> assertThat(context).hasSingleBean(Probe.class));
    }

    @Test
    void aMailHost_orAnotherProfile_turnsItOff() {
        runner.withPropertyValues("spring.profiles.active=dev", "spring.mail.host=smtp.example.com")
                .run(context -> assertThat(context).doesNotHaveBean(Probe.class));
        runner.withPropertyValues("spring.profiles.active=mysql")
                .run(context -> assertThat(context).doesNotHaveBean(Probe.class));
        runner.withPropertyValues("spring.profiles.default=dev", "spring.profiles.active=mysql")
                .run(context -> assertThat(context).doesNotHaveBean(Probe.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(Probe.class));
    }
}
