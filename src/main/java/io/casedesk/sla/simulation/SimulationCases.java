package io.casedesk.sla.simulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only queries on support_case for the simulation; the period is [from, to) of created_at. */
@Repository
class SimulationCases {

    private final JdbcClient jdbc;

    SimulationCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases of the period that were triaged (they have a priority), oldest first, at most {@code limit}. */
    List<PastCase> triaged(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT reference, status, channel, customer_tier, severity, sentiment, intent, category, compliance,
                       priority, created_at, response_due_at, resolution_due_at, first_response_at, resolved_at,
                       closed_at,
                       (SELECT r.paused_seconds FROM sla_record r WHERE r.case_id = support_case.id
                            AND r.target = 'RESPONSE') AS response_paused,
                       (SELECT r.paused_seconds FROM sla_record r WHERE r.case_id = support_case.id
                            AND r.target = 'RESOLUTION') AS resolution_paused
                FROM support_case
                WHERE created_at >= :from AND created_at < :to AND priority IS NOT NULL
                ORDER BY created_at, id LIMIT :limit""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query(SimulationCases::map).list();
    }

    long countTriaged(Instant from, Instant to) {
        return count(from, to, "priority IS NOT NULL");
    }

    /** Cases whose triage never completed (no priority): nothing to compare them with. */
    long countUntriaged(Instant from, Instant to) {
        return count(from, to, "priority IS NULL");
    }

    private long count(Instant from, Instant to, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM support_case WHERE created_at >= :from AND created_at < :to AND "
                        + condition)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }

    private static PastCase map(ResultSet rs, int row) throws SQLException {
        return new PastCase(rs.getString("reference"), rs.getString("status"), rs.getString("channel"),
                rs.getString("customer_tier"), rs.getString("severity"), rs.getDouble("sentiment"),
                rs.getString("intent"), rs.getString("category"), rs.getBoolean("compliance"),
                rs.getString("priority"), instant(rs, "created_at"), instant(rs, "response_due_at"),
                instant(rs, "resolution_due_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
                instant(rs, "closed_at"), seconds(rs, "response_paused"), seconds(rs, "resolution_paused"));
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
