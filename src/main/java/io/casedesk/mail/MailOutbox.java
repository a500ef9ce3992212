package io.casedesk.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next occurrence of a kind for a case: the first acknowledgement is 1, a second resolution mail 2. */
    int nextOccurrence(long caseId, MailKind kind) {
        return jdbc.sql("SELECT COALESCE(MAX(occurrence), 0) + 1 FROM mail_outbox WHERE case_id = :c AND kind = :k")
                .param("c", caseId)
                .param("k", kind.name())
                .query(Integer.class)
                .single();
    }

    /** Message-IDs of the mails the customer got for the case, oldest first: the thread they reply into. */
    List<String> customerThread(long caseId) {
        return jdbc.sql("SELECT message_id FROM mail_outbox WHERE case_id = :c AND to_customer = TRUE ORDER BY id")
                .param("c", caseId)
                .query(String.class)
                .list();
    }

    long insert(OutboxMail m, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mail_outbox (case_id, kind, occurrence, recipient, to_customer, subject, body_text,
                    body_html, message_id, in_reply_to, thread_refs, status, queued_at)
                VALUES (:caseId, :kind, :occurrence, :recipient, :toCustomer, :subject, :text, :html, :messageId,
                    :inReplyTo, :refs, :status, :now)""")
                .param("caseId", m.caseId())
                .param("kind", m.kind().name())
                .param("occurrence", m.occurrence())
                .param("recipient", m.recipient())
                .param("toCustomer", m.toCustomer())
                .param("subject", m.subject())
                .param("text", m.text())
                .param("html", m.html())
                .param("messageId", m.messageId())
                .param("inReplyTo", m.inReplyTo())
                .param("refs", m.references())
                .param("status", OutboxMail.Status.QUEUED.name())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<OutboxMail> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE case_id = :c ORDER BY id")
                .param("c", caseId)
                .query(this::map)
                .list();
    }

    void markSent(long id, Instant at) {
        jdbc.sql(
                        "UPDATE mail_outbox SET status = :sent, sent_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("sent", OutboxMail.Status.SENT.name())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private OutboxMail map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMail(
                rs.getLong("id"),
                rs.getLong("case_id"),
                MailKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getInt("occurrence"),
                rs.getString("recipient"),
                rs.getBoolean("to_customer"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getString("message_id"),
                rs.getString("in_reply_to"),
                rs.getString("thread_refs"),
                OutboxMail.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("queued_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }
}
