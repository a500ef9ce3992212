package io.casedesk.outreach;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outreach's outbox: one message per incident and kind, one row per recipient (tables outreach_message, outreach_mail). */
@Repository
class OutreachMails {

    enum Status {
        QUEUED,
        SENT
    }

    /** A queued mail with what it says, ready to send. */
    record Pending(long id, String recipient, String mailId, String subject, String text, String html) {}

    private record Locked(long id, String recipient, String mailId, long messageId) {}

    record Counts(long queued, long sent) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OutreachMails(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The incident's message of this kind: the one stored first, or this one when there is none yet. */
    long message(long incidentId, OutreachKind kind, String subject, String text, String html, Instant now) {
        Optional<Long> existing = messageId(incidentId, kind);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                INSERT INTO outreach_message (incident_id, kind, subject, body_text, body_html, written_at)
                VALUES (:i, :k, :s, :t, :h, :now)""")
                .param("i", incidentId)
                .param("k", kind.name())
                .param("s", subject)
                .param("t", text)
                .param("h", html)
                .param("now", Timestamp.from(now))
                .update();
        return messageId(incidentId, kind).orElseThrow();
    }

    private Optional<Long> messageId(long incidentId, OutreachKind kind) {
        return jdbc.sql("SELECT id FROM outreach_message WHERE incident_id = :i AND kind = :k")
                .param("i", incidentId)
                .param("k", kind.name())
                .query(Long.class)
                .optional();
    }

    Set<String> recipients(long incidentId, OutreachKind kind) {
        return new HashSet<>(jdbc.sql("SELECT recipient FROM outreach_mail WHERE incident_id = :i AND kind = :k")
                .param("i", incidentId)
                .param("k", kind.name())
                .query(String.class)
                .list());
    }

    /** Queues one mail per recipient not yet queued for the incident and kind; gives how many it queued. */
    int queue(long messageId, long incidentId, OutreachKind kind, List<String> recipients, String domain, Instant now) {
        Set<String> already = recipients(incidentId, kind);
        List<String> fresh =
                recipients.stream().filter(r -> !already.contains(r)).distinct().toList();
        String prefix = "inc-" + incidentId + "."
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        batch.batchUpdate("""
                INSERT INTO outreach_mail (message_id, incident_id, kind, recipient, mail_id, status, queued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", fresh, 500, (ps, recipient) -> {
            ps.setLong(1, messageId);
            ps.setLong(2, incidentId);
            ps.setString(3, kind.name());
            ps.setString(4, recipient);
            ps.setString(5, "<" + prefix + "." + UUID.randomUUID() + "@" + domain + ">");
            ps.setString(6, Status.QUEUED.name());
            ps.setTimestamp(7, Timestamp.from(now));
        });
        return fresh.size();
    }

    /** Up to {@code limit} ids of this worker's share of the waiting mails (every workers-th by id), oldest first. */
    List<Long> waiting(long incidentId, OutreachKind kind, int worker, int workers, int limit) {
        return jdbc.sql("""
                SELECT id FROM outreach_mail WHERE incident_id = :i AND kind = :k AND status = :q AND MOD(id, :n) = :w
                ORDER BY id LIMIT :limit""")
                .param("i", incidentId)
                .param("k", kind.name())
                .param("q", Status.QUEUED.name())
                .param("n", workers)
                .param("w", worker)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * The mail, locked until the transaction ends, while it is still waiting. Only the mail's row is locked: a
     * FOR UPDATE over the join would also lock the message row that every mail of the outreach shares (H2 and InnoDB
     * lock every row the statement reads), and the parallel workers would wait for each other on it.
     */
    Optional<Pending> lockWaiting(long id) {
        return jdbc.sql("""
                SELECT id, recipient, mail_id, message_id FROM outreach_mail
                WHERE id = :id AND status = :q FOR UPDATE""")
                .param("id", id)
                .param("q", Status.QUEUED.name())
                .query((rs, row) -> new Locked(
                        rs.getLong("id"), rs.getString("recipient"), rs.getString("mail_id"), rs.getLong("message_id")))
                .optional()
                .map(m -> jdbc.sql("SELECT subject, body_text, body_html FROM outreach_message WHERE id = :id")
                        .param("id", m.messageId())
                        .query((rs, row) -> new Pending(
                                m.id(),
                                m.recipient(),
                                m.mailId(),
                                rs.getString("subject"),
                                rs.getString("body_text"),
                                rs.getString("body_html")))
                        .single());
    }

    void markSent(long id, Instant at) {
        jdbc.sql("UPDATE outreach_mail SET status = :s, sent_at = :at WHERE id = :id")
                .param("s", Status.SENT.name())
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    Counts counts(long incidentId, OutreachKind kind) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = :q THEN 1 ELSE 0 END), 0) AS queued,
                       COALESCE(SUM(CASE WHEN status = :s THEN 1 ELSE 0 END), 0) AS sent
                FROM outreach_mail WHERE incident_id = :i AND kind = :k""")
                .param("q", Status.QUEUED.name())
                .param("s", Status.SENT.name())
                .param("i", incidentId)
                .param("k", kind.name())
                .query((rs, row) -> new Counts(rs.getLong("queued"), rs.getLong("sent")))
                .single();
    }
}
