package io.casedesk.intake.mail;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbound_mail table: one row per mail read, which makes a second read of the same mail harmless. */
@Repository
class InboundMailLog {

    /** Raw copies of kept mails are cut here (a text column; each byte is stored as one character). */
    static final int MAX_RAW_COPY = 1024 * 1024;

    record Entry(
            long id,
            String messageKey,
            String messageId,
            String fromAddress,
            String subject,
            InboundMailStatus status,
            String caseReference,
            String detail,
            String error,
            String rawMessage,
            int attempts,
            Instant receivedAt) {}

    private final JdbcClient jdbc;

    InboundMailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String key) {
        return jdbc.sql("SELECT * FROM inbound_mail WHERE message_key = :key")
                .param("key", key)
                .query(InboundMailLog::entry)
                .optional();
    }

    List<Entry> withStatus(InboundMailStatus status) {
        return jdbc.sql("SELECT * FROM inbound_mail WHERE status = :status ORDER BY id")
                .param("status", status.wire())
                .query(InboundMailLog::entry)
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getString("message_key"),
                rs.getString("message_id"),
                rs.getString("from_address"),
                rs.getString("subject"),
                InboundMailStatus.fromWire(rs.getString("status")),
                rs.getString("case_reference"),
                rs.getString("detail"),
                rs.getString("error"),
                rs.getString("raw_message"),
                rs.getInt("attempts"),
                rs.getTimestamp("received_at").toInstant());
    }

    long count(InboundMailStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_mail WHERE status = :status")
                .param("status", status.wire())
                .query(Long.class)
                .single();
    }

    /**
     * Claims a new mail inside the transaction that handles it: a second reader of the same mail (another node,
     * or this one after a restart) waits on the unique key and then fails with a duplicate key.
     */
    void claim(ParsedMail mail, Instant now) {
        insert(mail.key(), mail.messageId(), mail.fromAddress(), mail.subject(), InboundMailStatus.PROCESSING, now);
    }

    /** Claims a mail whose earlier attempt failed; false when another reader got there first. */
    boolean claimRetry(String key, int attempts) {
        return jdbc.sql("""
                UPDATE inbound_mail SET status = :processing
                WHERE message_key = :key AND status = :failed AND attempts = :attempts""")
                        .param("processing", InboundMailStatus.PROCESSING.wire())
                        .param("key", key)
                        .param("failed", InboundMailStatus.FAILED.wire())
                        .param("attempts", attempts)
                        .update()
                == 1;
    }

    void complete(String key, InboundMailStatus status, String caseReference, String detail, Instant now) {
        jdbc.sql("""
                UPDATE inbound_mail SET status = :status, case_reference = :ref, detail = :detail, error = NULL,
                       raw_message = NULL, attempts = attempts + 1, processed_at = :at
                WHERE message_key = :key""")
                .param("status", status.wire())
                .param("ref", caseReference)
                .param("detail", cut(detail, 500))
                .param("at", Timestamp.from(now))
                .param("key", key)
                .update();
    }

    void insertUnparseable(
            String key, String messageId, String from, String subject, String error, byte[] raw, Instant now) {
        insert(key, messageId, from, subject, InboundMailStatus.UNPARSEABLE, now);
        keep(key, InboundMailStatus.UNPARSEABLE, error, raw, now);
    }

    /** Records a failed attempt, with the raw mail so a person can look at it; gives the attempts so far. */
    int recordFailure(ParsedMail mail, String error, byte[] raw, Instant now) {
        if (find(mail.key()).isEmpty()) {
            insert(mail.key(), mail.messageId(), mail.fromAddress(), mail.subject(), InboundMailStatus.FAILED, now);
        }
        jdbc.sql("UPDATE inbound_mail SET attempts = attempts + 1 WHERE message_key = :key")
                .param("key", mail.key())
                .update();
        keep(mail.key(), InboundMailStatus.FAILED, error, raw, now);
        return find(mail.key()).orElseThrow().attempts();
    }

    private void keep(String key, InboundMailStatus status, String error, byte[] raw, Instant now) {
        jdbc.sql("""
                UPDATE inbound_mail SET status = :status, error = :error, raw_message = :raw, processed_at = :at
                WHERE message_key = :key""")
                .param("status", status.wire())
                .param("error", cut(error, 4_000))
                .param("raw", rawCopy(raw))
                .param("at", Timestamp.from(now))
                .param("key", key)
                .update();
    }

    private void insert(
            String key, String messageId, String from, String subject, InboundMailStatus status, Instant now) {
        jdbc.sql("""
                INSERT INTO inbound_mail (message_key, message_id, from_address, subject, status, attempts, received_at)
                VALUES (:key, :messageId, :from, :subject, :status, 0, :at)""")
                .param("key", key)
                .param("messageId", cut(messageId, 998))
                .param("from", cut(from, 320))
                .param("subject", cut(subject, 300))
                .param("status", status.wire())
                .param("at", Timestamp.from(now))
                .update();
    }

    /**
     * The raw bytes as ISO-8859-1 characters: lossless (one character per byte, 8-bit and broken charsets
     * included) and readable for the 7-bit text most mails are.
     */
    static String rawCopy(byte[] raw) {
        if (raw == null) {
            return null;
        }
        int length = Math.min(raw.length, MAX_RAW_COPY);
        String copy = new String(raw, 0, length, StandardCharsets.ISO_8859_1);
        return length < raw.length
                ? copy + "\n[casedesk kept the first " + length + " of " + raw.length + " bytes]"
                : copy;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
