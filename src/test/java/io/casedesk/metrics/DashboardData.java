package io.casedesk.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cases for the dashboard tests: closed cases over the last weeks (group dsh-tier1), tags this week and last, open
 * cases of each priority, one of them due within the hour. Inserted once per context.
 */
final class DashboardData {

    private DashboardData() {}

    static void insertOnce(JdbcClient jdbc) {
        if (jdbc.sql("SELECT COUNT(*) FROM support_case WHERE reference LIKE 'DSH-%'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        Instant now = Instant.now();
        String[] channels = {"chat", "email", "phone", "web"};
        String[] tags = {"delivery-delay", "checkout-broken", "payment-renewal-failure"};
        for (int i = 0; i < 40; i++) {
            Instant created = now.minus(Duration.ofHours(6 + i * 30L));
            long id = insert(
                    jdbc,
                    "DSH-%d".formatted(i),
                    "closed",
                    channels[i % channels.length],
                    "P" + (1 + i % 3),
                    i % 2 == 0 ? "dsh-tier1" : "dsh-tier2",
                    created,
                    60L + i * 45,
                    3600L + i * 900,
                    1 + i % 5);
            jdbc.sql("INSERT INTO case_tag (case_id, tag) VALUES (:id, :tag)")
                    .param("id", id)
                    .param("tag", tags[i % (i < 6 ? 3 : 2)])
                    .update();
            sla(jdbc, id, "RESPONSE", i % 4 == 0 ? "BREACHED" : "MET", created.plusSeconds(900));
            sla(jdbc, id, "RESOLUTION", i % 5 == 0 ? "BREACHED" : "MET", created.plusSeconds(14400));
        }
        for (int p = 1; p <= 3; p++) {
            long open = insert(
                    jdbc,
                    "DSH-OPEN-" + p,
                    "in_progress",
                    "chat",
                    "P" + p,
                    "dsh-tier1",
                    now.minusSeconds(600),
                    120L,
                    null,
                    null);
            sla(jdbc, open, "RESOLUTION", "RUNNING", now.plusSeconds(p * 1200L));
        }
    }

    private static long insert(
            JdbcClient jdbc,
            String reference,
            String status,
            String channel,
            String priority,
            String group,
            Instant created,
            Long firstResponse,
            Long resolved,
            Integer csat) {
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_tier, subject, description,
                    severity_given, sentiment, priority, assigned_group, agent, agent_replies, csat, process_instance_id,
                    created_at, acknowledged_at, first_response_at, resolved_at, closed_at)
                VALUES (:ref, :status, :channel, 'dashboard@metrics.test', 'standard', 'Dashboard case', 'Seen on charts',
                    FALSE, 0.0, :priority, :group, 'dsh-agent', 1, :csat, :pi, :created, :ack, :first, :resolved, :closed)""")
                .param("ref", reference)
                .param("status", status)
                .param("channel", channel)
                .param("priority", priority)
                .param("group", group)
                .param("csat", csat)
                .param("pi", "pi-" + reference)
                .param("created", Timestamp.from(created))
                .param("ack", Timestamp.from(created.plusSeconds(5)))
                .param("first", firstResponse == null ? null : Timestamp.from(created.plusSeconds(firstResponse)))
                .param("resolved", resolved == null ? null : Timestamp.from(created.plusSeconds(resolved)))
                .param("closed", resolved == null ? null : Timestamp.from(created.plusSeconds(resolved + 60)))
                .update();
        return jdbc.sql("SELECT id FROM support_case WHERE reference = :ref")
                .param("ref", reference)
                .query(Long.class)
                .single();
    }

    private static void sla(JdbcClient jdbc, long caseId, String target, String outcome, Instant due) {
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome)
                VALUES (:id, :target, 3600, '24x7', :due, :due, :outcome)""")
                .param("id", caseId)
                .param("target", target)
                .param("due", Timestamp.from(due))
                .param("outcome", outcome)
                .update();
    }
}
