package io.casedesk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.casedesk.EndToEndContext;
import io.casedesk.cases.CaseReporting;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The automatic answers' own figures of GET /api/metrics (automated: cases, fcr, csat), on cases of a period no other
 * test uses:
 *
 * <pre>
 * AUT-1 automated, closed, not reopened, CSAT 5   first contact
 * AUT-2 automated, resolved, not reopened          first contact (waits for the confirmation)
 * AUT-3 automated, closed, reopened once, CSAT 2  not first contact
 * AUT-4 automated, merged                          counts nowhere
 * AUT-5 an agent's case, closed, CSAT 1            not an automatic answer
 * </pre>
 */
@EndToEndContext
class AutomatedMetricsTest {

    private static final Instant FROM = Instant.parse("2031-01-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2031-01-13T00:00:00Z");

    @Autowired
    MetricsService metrics;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void cases() {
        if (jdbc.sql("SELECT COUNT(*) FROM support_case WHERE reference LIKE 'AUT-%'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        insert("AUT-1", "closed", true, 0, 5);
        insert("AUT-2", "resolved", true, 0, null);
        insert("AUT-3", "closed", true, 1, 2);
        insert("AUT-4", "merged", true, 0, null);
        insert("AUT-5", "closed", false, 0, 1);
    }

    @Test
    void theAutomaticAnswers_haveTheirOwnCountFcrAndCsat() {
        Metrics.Automated automated = metrics.metrics(new CaseReporting.Filter(FROM, TO, null, null, null))
                .automated();

        assertThat(automated.cases()).isEqualTo(3);
        assertThat(automated.fcr()).isEqualTo(0.6667);
        assertThat(automated.csat().average()).isEqualTo(3.5);
        assertThat(automated.csat().responses()).isEqualTo(2);
    }

    @Test
    void aPeriodWithoutAutomaticAnswers_hasNoRatio() {
        Metrics.Automated automated = metrics.metrics(
                        new CaseReporting.Filter(TO, TO.plusSeconds(86_400), null, null, null))
                .automated();

        assertThat(automated.cases()).isZero();
        assertThat(automated.fcr()).isNull();
        assertThat(automated.csat().average()).isNull();
    }

    private void insert(String reference, String status, boolean automated, int reopens, Integer csat) {
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_tier, subject, description,
                    severity_given, sentiment, priority, assigned_group, reopen_count, csat, created_at, resolved_at,
                    automated)
                VALUES (:ref, :status, 'email', :email, 'standard', 'Where is my order', 'Automated metrics', FALSE,
                    0.0, 'P3', 'tier1', :reopens, :csat, :created, :created, :automated)""")
                .param("ref", reference)
                .param("status", status)
                .param("email", reference.toLowerCase() + "@metrics.test")
                .param("reopens", reopens)
                .param("csat", csat)
                .param("created", Timestamp.from(FROM.plusSeconds(3600)))
                .param("automated", automated)
                .update();
    }
}
