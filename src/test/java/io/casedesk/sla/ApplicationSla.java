package io.casedesk.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The SLA service of the application, for tests outside this package that want real deadlines without Spring: the
 * calendars are bound from application.yaml (its default document) as the application binds them.
 */
public final class ApplicationSla {

    private ApplicationSla() {}

    /** {@link SlaService} on the calendars of application.yaml (casedesk.sla.calendars). */
    public static SlaService service() {
        return new SlaService(calendars());
    }

    static SlaCalendars calendars() {
        try {
            var defaults = new YamlPropertySourceLoader()
                    .load("application.yaml", new ClassPathResource("application.yaml"))
                    .get(0);
            return new Binder(ConfigurationPropertySources.from(defaults))
                    .bind("casedesk.sla", SlaCalendars.class)
                    .orElseThrow(() -> new IllegalStateException("application.yaml configures no casedesk.sla"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
