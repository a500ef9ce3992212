package io.casedesk.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class WebhookOutbox {

    private final JdbcClient jdbc;

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long mailId, long caseId, String channel, String deliveryId, String body, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhook_outbox (mail_id, case_id, channel, delivery_id, body, status, queued_at)
                VALUES (:mailId, :caseId, :channel, :deliveryId, :body, :status, :now)""")
                .param("mailId", mailId)
                .param("caseId", caseId)
                .param("channel", channel)
                .param("deliveryId", deliveryId)
                .param("body", body)
                .param("status", WebhookMessage.Status.QUEUED.name())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<WebhookMessage> find(long id) {
        return jdbc.sql("SELECT * FROM webhook_outbox WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<WebhookMessage> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM webhook_outbox WHERE case_id = :c ORDER BY id")
                .param("c", caseId)
                .query(this::map)
                .list();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("UPDATE webhook_outbox SET status = :sent, sent_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("sent", WebhookMessage.Status.SENT.name())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private WebhookMessage map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new WebhookMessage(
                rs.getLong("id"),
                rs.getLong("mail_id"),
                rs.getLong("case_id"),
                rs.getString("channel"),
                rs.getString("delivery_id"),
                rs.getString("body"),
                WebhookMessage.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("queued_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
