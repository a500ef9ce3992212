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

    /**
     * A stored mail, its row locked until the transaction ends: a notice that joins it waits for a delivery under way
     * and then finds it sent, a delivery waits for a joining notice and then sends it too.
     */
    Optional<OutboxMail> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /**
     * The case's notice mail to this recipient that is still waiting and was opened after the given time, locked.
     * <p>
     * The candidates are read without locks and then locked one by one by primary key, the newest first. A locking
     * query on the columns themselves may scan the status index and lock (and wait for) other cases' queued mails;
     * a delivery holding such a mail's row then needs that index entry to mark it sent, and the two deadlock (found
     * by the two-node harness on MariaDB: the SLA warning's job failed and waited for its retry).
     */
    Optional<Long> waitingNotice(long caseId, String recipient, Instant openedAfter) {
        List<Long> candidates = jdbc.sql("""
                SELECT id FROM mail_outbox WHERE case_id = :c AND kind = :kind AND recipient = :r AND status = :queued
                    AND queued_at > :after ORDER BY id DESC""")
                .param("c", caseId)
                .param("kind", MailKind.MANAGER_NOTICE.name())
                .param("r", recipient)
                .param("queued", OutboxMail.Status.QUEUED.name())
                .param("after", Timestamp.from(openedAfter))
                .query(Long.class)
                .list();
        for (long id : candidates) {
            // waits for a delivery under way; once it has committed the mail is no longer waiting
            Optional<Long> stillWaiting = jdbc.sql(
                            "SELECT id FROM mail_outbox WHERE id = :id AND status = :queued FOR UPDATE")
                    .param("id", id)
                    .param("queued", OutboxMail.Status.QUEUED.name())
                    .query(Long.class)
                    .optional();
            if (stillWaiting.isPresent()) {
                return stillWaiting;
            }
        }
        return Optional.empty();
    }

    void addNotice(long outboxId, ManagerNotice notice, Instant at) {
        jdbc.sql("""
                INSERT INTO manager_notice (outbox_id, event, summary, urgent, noticed_at)
                VALUES (:o, :event, :summary, :urgent, :at)""")
                .param("o", outboxId)
                .param("event", notice.event())
                .param("summary", notice.summary())
                .param("urgent", notice.urgent())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The notices a mail carries, oldest first. */
    List<NoticeLine> notices(long outboxId) {
        return jdbc.sql("SELECT noticed_at, summary FROM manager_notice WHERE outbox_id = :o ORDER BY noticed_at, id")
                .param("o", outboxId)
                .query((rs, row) -> new NoticeLine(rs.getTimestamp("noticed_at").toInstant(), rs.getString("summary")))
                .list();
    }

    /** A waiting notice mail rendered again with the notices it now carries. */
    void rewrite(long id, String subject, String text, String html) {
        jdbc.sql("UPDATE mail_outbox SET subject = :s, body_text = :t, body_html = :h WHERE id = :id AND status = :q")
                .param("s", subject)
                .param("t", text)
                .param("h", html)
                .param("id", id)
                .param("q", OutboxMail.Status.QUEUED.name())
                .update();
    }

    record NoticeLine(Instant at, String summary) {}

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
