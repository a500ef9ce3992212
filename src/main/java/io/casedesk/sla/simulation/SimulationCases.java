package io.casedesk.sla.simulation;

import io.casedesk.sla.SlaTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries for the simulation: the cases' facts from the view case_report (which cases owns and publishes
 * for such joins) beside the SLA records of each case; the period is [from, to) of the cases' creation.
 */
@Repository
class SimulationCases {

    private final JdbcClient jdbc;

    SimulationCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases of the period that were triaged (they have a priority), oldest first, at most {@code limit}. */
    List<PastCase> triaged(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT c.reference, c.status, c.channel, c.customer_tier, c.severity, c.sentiment, c.intent,
                       c.category, c.compliance, c.priority, c.created_at, c.first_response_at, c.resolved_at,
                       c.closed_at, response.due_at AS response_due_at, resolution.due_at AS resolution_due_at,
                       response.paused_seconds AS response_paused, resolution.paused_seconds AS resolution_paused
                FROM case_report c
                LEFT JOIN sla_record response ON response.case_id = c.id AND response.target = :response
                LEFT JOIN sla_record resolution ON resolution.case_id = c.id AND resolution.target = :resolution
                WHERE c.created_at >= :from AND c.created_at < :to AND c.priority IS NOT NULL
                ORDER BY c.created_at, c.id LIMIT :limit""")
                .param("response", SlaTarget.RESPONSE.name())
                .param("resolution", SlaTarget.RESOLUTION.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query(SimulationCases::map)
                .list();
    }

    long countTriaged(Instant from, Instant to) {
        return count(from, to, "priority IS NOT NULL");
    }

    /** Cases whose triage never completed (no priority): nothing to compare them with. */
    long countUntriaged(Instant from, Instant to) {
        return count(from, to, "priority IS NULL");
    }

    private long count(Instant from, Instant to, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM case_report WHERE created_at >= :from AND created_at < :to AND "
                        + condition)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    private static PastCase map(ResultSet rs, int row) throws SQLException {
        return new PastCase(
                rs.getString("reference"),
                rs.getString("status"),
                rs.getString("channel"),
                rs.getString("customer_tier"),
                rs.getString("severity"),
                rs.getDouble("sentiment"),
                rs.getString("intent"),
                rs.getString("category"),
                rs.getBoolean("compliance"),
                rs.getString("priority"),
                instant(rs, "created_at"),
                instant(rs, "response_due_at"),
                instant(rs, "resolution_due_at"),
                instant(rs, "first_response_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                seconds(rs, "response_paused"),
                seconds(rs, "resolution_paused"));
    }

    private static java.time.Duration seconds(ResultSet rs, String column) throws SQLException {
        long seconds = rs.getLong(column);
        return rs.wasNull() ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(seconds);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
