package io.casedesk.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** trend_incident, which trends owns. */
@Repository
class IncidentStore {

    private static final String COLUMNS = "id, kind, trend_key, status, detected_at, window_start, window_end,"
            + " case_count, baseline, dismiss_reason, closed_at";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String heldKey(IncidentKind kind, String key) {
        return kind.wire() + ":" + key;
    }

    /**
     * Opens an incident for the key unless one holds it: empty when another (perhaps another node's, at the same
     * moment) does; the unique held_key decides.
     */
    Optional<Long> open(
            IncidentKind kind, String key, Instant now, Instant windowStart, long count, double baseline, String rule) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO trend_incident (kind, trend_key, status, held_key, detected_at, window_start,
                        window_end, case_count, baseline, rule_name, last_spike_at)
                    VALUES (:kind, :key, :status, :held, :now, :start, :now, :count, :baseline, :rule, :now)""")
                    .param("kind", kind.wire())
                    .param("key", key)
                    .param("status", IncidentStatus.DETECTED.wire())
                    .param("held", heldKey(kind, key))
                    .param("now", Timestamp.from(now))
                    .param("start", Timestamp.from(windowStart))
                    .param("count", (int) Math.min(Integer.MAX_VALUE, count))
                    .param("baseline", baseline)
                    .param("rule", rule)
                    .update(keys, "id");
        } catch (DuplicateKeyException held) {
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }

    /** Every incident that holds its key, oldest first. */
    List<TrendIncident> holding() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM trend_incident WHERE held_key IS NOT NULL ORDER BY id")
                .query((rs, n) -> incident(rs))
                .list();
    }

    /** Still spiking: the incident keeps its key. */
    void spikeSeen(long id, Instant now) {
        jdbc.sql("UPDATE trend_incident SET last_spike_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** A dismissed or closed incident whose spike is over lets its key go, so a new spike is a new incident. */
    void release(long id, Instant now) {
        jdbc.sql("UPDATE trend_incident SET held_key = NULL, ended_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    Optional<TrendIncident> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM trend_incident WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> incident(rs))
                .optional();
    }

    /** Incidents detected since the instant, or holding their key still, newest first. */
    List<TrendIncident> recent(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM trend_incident WHERE detected_at >= :since OR held_key IS NOT NULL ORDER BY id DESC")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> incident(rs))
                .list();
    }

    /** Moves the incident on from one of the given statuses; false when it was in none of them. */
    boolean transition(long id, List<IncidentStatus> from, IncidentStatus to, String reason, Instant closedAt) {
        return jdbc.sql("""
                        UPDATE trend_incident SET status = :to, dismiss_reason = COALESCE(:reason, dismiss_reason),
                            closed_at = COALESCE(:closed, closed_at)
                        WHERE id = :id AND status IN (:from)""")
                        .param("to", to.wire())
                        .param("reason", reason)
                        .param("closed", closedAt == null ? null : Timestamp.from(closedAt))
                        .param("id", id)
                        .param("from", from.stream().map(IncidentStatus::wire).toList())
                        .update()
                > 0;
    }

    private static TrendIncident incident(ResultSet rs) throws SQLException {
        return new TrendIncident(
                rs.getLong("id"),
                IncidentKind.fromWire(rs.getString("kind")),
                rs.getString("trend_key"),
                IncidentStatus.fromWire(rs.getString("status")),
                instant(rs, "detected_at"),
                instant(rs, "window_start"),
                instant(rs, "window_end"),
                rs.getInt("case_count"),
                rs.getDouble("baseline"),
                rs.getString("dismiss_reason"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
