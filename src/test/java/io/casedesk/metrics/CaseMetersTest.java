package io.casedesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.casedesk.cases.CaseMilestone;
import io.casedesk.cases.CaseReporting;
import io.casedesk.cases.Channel;
import io.casedesk.sla.SlaAlert;
import io.casedesk.sla.SlaTarget;
import io.casedesk.sla.SlaWarning;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The Prometheus form of the meters of API.md, scraped from a Prometheus registry: names, histogram buckets at the
 * SLA targets of the default sla-targets table, labels of bounded sets only.
 */
class CaseMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CaseReporting cases = mock(CaseReporting.class);
    private final MetricsProperties defaults =
            new Binder(new MapConfigurationPropertySource()).bindOrCreate("casedesk.metrics", MetricsProperties.class);
    private final CaseMeters meters = new CaseMeters(
            registry, cases, defaults, Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theScrape_hasTheNamesOfApiMd_withSloBucketsAtTheSlaTargets_andNoUnboundedLabel() {
        when(cases.openByPriority()).thenReturn(Map.of("P1", 2L, "P3", 5L, "P4", 1L));
        meters.on(milestone(CaseMilestone.Kind.TRIAGED, null));
        meters.on(milestone(CaseMilestone.Kind.FIRST_RESPONSE, Duration.ofSeconds(90)));
        meters.on(milestone(CaseMilestone.Kind.CLOSED, Duration.ofHours(3)));
        meters.on(new SlaAlert(SlaTarget.RESPONSE, SlaWarning.Stage.FINAL));
        meters.on(new SlaAlert(SlaTarget.RESOLUTION, null));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("casedesk_cases_opened_total{channel=\"chat\",priority=\"P2\"} 1.0")
                .contains("casedesk_cases_closed_total{channel=\"chat\",priority=\"P2\"} 1.0")
                .contains("casedesk_sla_warnings_total{stage=\"final\",target=\"response\"} 1.0")
                .contains("casedesk_sla_breaches_total{target=\"resolution\"} 1.0")
                .contains("casedesk_backlog{priority=\"P1\"} 2.0")
                .contains("casedesk_backlog{priority=\"P2\"} 0.0")
                .contains("casedesk_backlog{priority=\"P3\"} 5.0");
        assertThat(registry.scrape())
                .as("a priority the tables added gets its gauge")
                .contains("casedesk_backlog{priority=\"P4\"} 1.0");
        // first response: chat 1 and 2 min, P1 15 min, P2 1 h, P3 4 and 8 h; 90 s falls in the 2-minute bucket
        assertThat(bucket(scrape, "casedesk_first_response_seconds", "60.0")).isZero();
        assertThat(bucket(scrape, "casedesk_first_response_seconds", "120.0")).isEqualTo(1);
        for (String le : new String[] {"900.0", "3600.0", "14400.0", "28800.0", "+Inf"}) {
            assertThat(bucket(scrape, "casedesk_first_response_seconds", le)).isEqualTo(1);
        }
        // resolution: P1 1 h, P2 4 h, P3 24 h; 3 h falls in the 4-hour bucket
        assertThat(bucket(scrape, "casedesk_resolution_seconds", "3600.0")).isZero();
        assertThat(bucket(scrape, "casedesk_resolution_seconds", "14400.0")).isEqualTo(1);
        assertThat(bucket(scrape, "casedesk_resolution_seconds", "86400.0")).isEqualTo(1);

        Matcher labels = Pattern.compile("^casedesk_[a-z_]+\\{([^}]*)}", Pattern.MULTILINE)
                .matcher(scrape);
        int lines = 0;
        while (labels.find()) {
            lines++;
            for (String label : labels.group(1).split(",")) {
                assertThat(label.substring(0, label.indexOf('=')))
                        .as("a label with a bounded set of values")
                        .isIn("channel", "priority", "target", "stage", "le");
            }
            assertThat(labels.group(1)).doesNotContain("CASE-");
        }
        assertThat(lines).isGreaterThan(20);
    }

    @Test
    void theBacklog_isReadOnceForAScrape_notOncePerPriority() {
        when(cases.openByPriority()).thenReturn(Map.of("P1", 1L));
        registry.scrape();
        registry.scrape();
        org.mockito.Mockito.verify(cases, org.mockito.Mockito.times(1)).openByPriority();
    }

    private static CaseMilestone milestone(CaseMilestone.Kind kind, Duration took) {
        return new CaseMilestone(kind, "CASE-000042", Channel.CHAT, "P2", took);
    }

    private static long bucket(String scrape, String name, String le) {
        Matcher m = Pattern.compile(
                        "^" + name + "_bucket\\{channel=\"chat\",priority=\"P2\",le=\"" + Pattern.quote(le)
                                + "\"} (\\d+)",
                        Pattern.MULTILINE)
                .matcher(scrape);
        assertThat(m.find()).as(name + " le=" + le).isTrue();
        return Long.parseLong(m.group(1));
    }
}
