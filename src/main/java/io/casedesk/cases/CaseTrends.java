package io.casedesk.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What trend detection counts, in SQL over indexed columns of the cases' tables (cases owns them): cases per tag and
 * per category opened in a period, and customer messages with their sentiment. A case's opening message is scored at
 * intake (support_case.sentiment, at created_at); every later one on its timeline line (case_event.sentiment).
 * Merged cases are counted too: each was a customer writing in.
 */
@Service
@Transactional(readOnly = true)
public class CaseTrends {

    /** How many cases in a period had one key (a tag or a category). */
    public record KeyCount(String key, long count) {}

    /** Customer messages in a period, and how many of them scored below the negative threshold. */
    public record MessageCount(long messages, long negative) {}

    /** A customer message and its score; the opening message is the case's description. */
    public record ScoredMessage(String reference, Instant at, String text, double sentiment) {}

    /** A case that matches a trend key, with whom to tell. */
    public record TrendCase(
            String reference,
            String subject,
            String customerEmail,
            String customerName,
            Instant createdAt,
            CaseStatus status,
            double sentiment,
            Long incidentId) {}

    /** An open case an incident may link, with whom to tell; ids order the chunks of the linking. */
    public record OpenCase(long id, String reference, String customerEmail) {}

    private static final String TREND_CASE_COLUMNS = "c.reference, c.subject, c.customer_email, c.customer_name,"
            + " c.created_at, c.status, c.latest_sentiment, c.incident_id";

    private final JdbcClient jdbc;

    CaseTrends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases per tag opened in [from, to). */
    public List<KeyCount> tagCounts(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT t.tag AS trend_key, COUNT(*) AS n FROM support_case c JOIN case_tag t ON t.case_id = c.id
                WHERE c.created_at >= :from AND c.created_at < :to GROUP BY t.tag""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new KeyCount(rs.getString("trend_key"), rs.getLong("n")))
                .list();
    }

    /** Cases per category opened in [from, to); cases not yet classified are left out. */
    public List<KeyCount> categoryCounts(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT c.category AS trend_key, COUNT(*) AS n FROM support_case c
                WHERE c.created_at >= :from AND c.created_at < :to AND c.category IS NOT NULL GROUP BY c.category""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new KeyCount(rs.getString("trend_key"), rs.getLong("n")))
                .list();
    }

    /** Customer messages in [from, to), opening ones included, and those scored below {@code negativeBelow}. */
    public MessageCount messageCount(Instant from, Instant to, double negativeBelow) {
        MessageCount opening = jdbc.sql("""
                SELECT COUNT(*) AS messages, COALESCE(SUM(CASE WHEN c.sentiment < :negative THEN 1 ELSE 0 END), 0)
                    AS negative
                FROM support_case c WHERE c.created_at >= :from AND c.created_at < :to""")
                .param("negative", negativeBelow)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new MessageCount(rs.getLong("messages"), rs.getLong("negative")))
                .single();
        MessageCount later = jdbc.sql("""
                SELECT COUNT(*) AS messages, COALESCE(SUM(CASE WHEN e.sentiment < :negative THEN 1 ELSE 0 END), 0)
                    AS negative
                FROM case_event e WHERE e.type = :type AND e.at >= :from AND e.at < :to""")
                .param("negative", negativeBelow)
                .param("type", CaseEventType.CUSTOMER_MESSAGE.wire())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new MessageCount(rs.getLong("messages"), rs.getLong("negative")))
                .single();
        return new MessageCount(opening.messages() + later.messages(), opening.negative() + later.negative());
    }

    /** The cases with the tag opened in [from, to), oldest first, at most {@code limit}. */
    public List<TrendCase> casesWithTag(String tag, Instant from, Instant to, int limit) {
        return casesIn(
                " FROM support_case c JOIN case_tag t ON t.case_id = c.id WHERE t.tag = :key", tag, from, to, limit);
    }

    /** The cases of the category opened in [from, to), oldest first, at most {@code limit}. */
    public List<TrendCase> casesInCategory(String category, Instant from, Instant to, int limit) {
        return casesIn(" FROM support_case c WHERE c.category = :key", category, from, to, limit);
    }

    private List<TrendCase> casesIn(String fromWhere, String key, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + TREND_CASE_COLUMNS + fromWhere
                        + " AND c.created_at >= :from AND c.created_at < :to ORDER BY c.created_at, c.id LIMIT :limit")
                .param("key", key)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> trendCase(rs))
                .list();
    }

    /**
     * A case of support_case aliased {@code c} with a negative customer message in [:from, :to): opened with one, or
     * written one later (its parameters set by {@link #negativeIn}).
     */
    private static final String NEGATIVE_MESSAGE_IN_WINDOW = """
            ((c.created_at >= :from AND c.created_at < :to AND c.sentiment < :negative)
               OR c.id IN (SELECT e.case_id FROM case_event e WHERE e.type = :type AND e.at >= :from
                           AND e.at < :to AND e.sentiment < :negative))""";

    private static JdbcClient.StatementSpec negativeIn(
            JdbcClient.StatementSpec statement, Instant from, Instant to, double negativeBelow) {
        return statement
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("negative", negativeBelow)
                .param("type", CaseEventType.CUSTOMER_MESSAGE.wire());
    }

    /** The cases with a negative customer message in [from, to) (opening or later), oldest first. */
    public List<TrendCase> casesWithNegativeMessages(Instant from, Instant to, double negativeBelow, int limit) {
        return negativeIn(
                        jdbc.sql("SELECT " + TREND_CASE_COLUMNS + " FROM support_case c WHERE "
                                + NEGATIVE_MESSAGE_IN_WINDOW + " ORDER BY c.created_at, c.id LIMIT :limit"),
                        from,
                        to,
                        negativeBelow)
                .param("limit", limit)
                .query((rs, n) -> trendCase(rs))
                .list();
    }

    /**
     * Up to {@code limit} open cases (any time) with the tag that no incident has yet, with ids above {@code afterId},
     * in the order of ids: the next chunk an incident links. Open = not resolved, closed or merged.
     */
    public List<OpenCase> unlinkedOpenCasesWithTag(String tag, long afterId, int limit) {
        return unlinkedOpen(" JOIN case_tag t ON t.case_id = c.id WHERE t.tag = :key", afterId, limit)
                .param("key", tag)
                .query((rs, n) -> openCase(rs))
                .list();
    }

    /** The same for the open cases of the category. */
    public List<OpenCase> unlinkedOpenCasesInCategory(String category, long afterId, int limit) {
        return unlinkedOpen(" WHERE c.category = :key", afterId, limit)
                .param("key", category)
                .query((rs, n) -> openCase(rs))
                .list();
    }

    /** The same for the open cases with a negative customer message in [from, to) (opening or later). */
    public List<OpenCase> unlinkedOpenCasesWithNegativeMessages(
            Instant from, Instant to, double negativeBelow, long afterId, int limit) {
        return negativeIn(unlinkedOpen(" WHERE " + NEGATIVE_MESSAGE_IN_WINDOW, afterId, limit), from, to, negativeBelow)
                .query((rs, n) -> openCase(rs))
                .list();
    }

    /**
     * Open, linked to no incident, after the last case of the chunk before: each chunk starts where the last one
     * ended (in the primary key's order), instead of reading again past the cases linked before it.
     */
    private JdbcClient.StatementSpec unlinkedOpen(String joinWhere, long afterId, int limit) {
        return jdbc.sql("SELECT c.id, c.reference, c.customer_email FROM support_case c" + joinWhere
                        + " AND c.id > :after AND c.status IN (:open) AND c.incident_id IS NULL ORDER BY c.id"
                        + " LIMIT :limit")
                .param("after", afterId)
                .param("open", openStatuses())
                .param("limit", limit);
    }

    /** The cases linked to the incident. */
    public List<TrendCase> casesLinkedTo(long incidentId) {
        return jdbc.sql("SELECT " + TREND_CASE_COLUMNS
                        + " FROM support_case c WHERE c.incident_id = :incident ORDER BY c.created_at, c.id")
                .param("incident", incidentId)
                .query((rs, n) -> trendCase(rs))
                .list();
    }

    /** Customer messages in [from, to) with their scores, opening ones included, oldest first, at most limit. */
    public List<ScoredMessage> messages(Instant from, Instant to, int limit) {
        var opening = jdbc.sql("""
                SELECT c.reference, c.created_at AS at, c.description AS text, c.sentiment FROM support_case c
                WHERE c.created_at >= :from AND c.created_at < :to ORDER BY c.created_at LIMIT :limit""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> scored(rs))
                .list();
        var later = jdbc.sql("""
                SELECT c.reference, e.at, e.detail AS text, e.sentiment FROM case_event e
                JOIN support_case c ON c.id = e.case_id
                WHERE e.type = :type AND e.at >= :from AND e.at < :to ORDER BY e.at LIMIT :limit""")
                .param("type", CaseEventType.CUSTOMER_MESSAGE.wire())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> scored(rs))
                .list();
        return oldestFirst(opening, later, limit);
    }

    /** The customer messages of the given cases, opening ones included, oldest first, at most limit. */
    public List<ScoredMessage> messagesOf(List<String> references, int limit) {
        if (references.isEmpty()) {
            return List.of();
        }
        var opening = jdbc.sql("""
                SELECT c.reference, c.created_at AS at, c.description AS text, c.sentiment FROM support_case c
                WHERE c.reference IN (:refs)""")
                .param("refs", references)
                .query((rs, n) -> scored(rs))
                .list();
        var later = jdbc.sql("""
                SELECT c.reference, e.at, e.detail AS text, e.sentiment FROM case_event e
                JOIN support_case c ON c.id = e.case_id WHERE c.reference IN (:refs) AND e.type = :type""")
                .param("refs", references)
                .param("type", CaseEventType.CUSTOMER_MESSAGE.wire())
                .query((rs, n) -> scored(rs))
                .list();
        return oldestFirst(opening, later, limit);
    }

    private static List<ScoredMessage> oldestFirst(List<ScoredMessage> opening, List<ScoredMessage> later, int limit) {
        return java.util.stream.Stream.concat(opening.stream(), later.stream())
                .sorted(java.util.Comparator.comparing(ScoredMessage::at))
                .limit(limit)
                .toList();
    }

    private static List<String> openStatuses() {
        return CaseReporting.OPEN.stream().map(CaseStatus::wire).toList();
    }

    private static ScoredMessage scored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ScoredMessage(
                rs.getString("reference"),
                CaseRepository.instant(rs, "at"),
                rs.getString("text"),
                rs.getObject("sentiment") == null ? 0 : rs.getDouble("sentiment"));
    }

    private static OpenCase openCase(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OpenCase(rs.getLong("id"), rs.getString("reference"), rs.getString("customer_email"));
    }

    private static TrendCase trendCase(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TrendCase(
                rs.getString("reference"),
                rs.getString("subject"),
                rs.getString("customer_email"),
                rs.getString("customer_name"),
                CaseRepository.instant(rs, "created_at"),
                CaseStatus.fromWire(rs.getString("status")),
                rs.getDouble("latest_sentiment"),
                (Long) rs.getObject("incident_id", Long.class));
    }
}
