package io.casedesk.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    private static final String REFERENCE_FORMAT = "CASE-%06d";
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the case and gives it its reference, derived from the generated id so it is short and unique. */
    long insert(NewCase c, String severity, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO support_case (reference, status, channel, customer_email, customer_name, customer_tier,
                    subject, description, order_id, severity, severity_given, sentiment, latest_sentiment, worst_sentiment, opened_by,
                    created_at)
                VALUES (:reference, :status, :channel, :email, :name, :tier, :subject, :description, :orderId,
                    :severity, :severityGiven, :sentiment, :sentiment, :sentiment, :openedBy, :createdAt)""")
                .param("reference", "TMP-" + UUID.randomUUID().toString().substring(0, 12))
                .param("status", CaseStatus.OPEN.wire())
                .param("channel", c.channel().wire())
                .param("email", c.customerEmail())
                .param("name", c.customerName())
                .param("tier", c.customerTier())
                .param("subject", c.subject())
                .param("description", c.description())
                .param("orderId", c.orderId())
                .param("severity", severity)
                .param("severityGiven", c.severity() != null)
                .param("sentiment", c.sentiment())
                .param("openedBy", c.openedBy())
                .param("createdAt", ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE support_case SET reference = :reference WHERE id = :id")
                .param("reference", referenceOf(id))
                .param("id", id)
                .update();
        return id;
    }

    /** A customer message's score: the latest, and the worst if it is worse than every one before. */
    void recordMessageSentiment(String reference, double score) {
        jdbc.sql("""
                UPDATE support_case SET latest_sentiment = :score, worst_sentiment = LEAST(worst_sentiment, :score)
                WHERE reference = :reference""").param("score", score).param("reference", reference).update();
    }

    static String referenceOf(long id) {
        return REFERENCE_FORMAT.formatted(id);
    }

    Optional<SupportCase> findByReference(String reference) {
        return jdbc.sql("SELECT * FROM support_case WHERE reference = :reference")
                .param("reference", reference)
                .query(this::mapCase)
                .optional()
                .map(c -> c.with(tagsOf(c.id()), c.sla()));
    }

    /** The references of the given cases, by id, a few hundred ids per query. */
    Map<Long, String> referencesOf(Collection<Long> caseIds) {
        var references = new HashMap<Long, String>();
        List<Long> ids = List.copyOf(caseIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            jdbc.sql("SELECT id, reference FROM support_case WHERE id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("reference")))
                    .list()
                    .forEach(e -> references.put(e.getKey(), e.getValue()));
        }
        return references;
    }

    long idOf(String reference) {
        return jdbc.sql("SELECT id FROM support_case WHERE reference = :reference")
                .param("reference", reference)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new CaseNotFoundException(reference));
    }

    /** Updates the named columns of one case; column names come from this package only, never from a request. */
    void update(String reference, Map<String, Object> columns) {
        var assignments = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        columns.forEach((column, value) -> {
            assignments.add(column + " = :" + column);
            params.put(column, value instanceof Instant i ? ts(i) : value);
        });
        params.put("reference", reference);
        int rows = jdbc.sql(
                        "UPDATE support_case SET " + String.join(", ", assignments) + " WHERE reference = :reference")
                .params(params)
                .update();
        if (rows == 0) {
            throw new CaseNotFoundException(reference);
        }
    }

    /** Sets a timestamp only the first time (first response, acknowledgement); true when this was the first time. */
    boolean setOnce(String reference, String column, Instant at) {
        return jdbc.sql("UPDATE support_case SET " + column + " = :at WHERE reference = :reference AND " + column
                                + " IS NULL")
                        .param("at", ts(at))
                        .param("reference", reference)
                        .update()
                > 0;
    }

    /** One more agent answer, and who gave it (the metrics per agent and first-contact resolution read both). */
    void countAgentReply(String reference, String agent) {
        jdbc.sql("UPDATE support_case SET agent_replies = agent_replies + 1, agent = COALESCE(:agent, agent) "
                        + "WHERE reference = :reference")
                .param("agent", agent)
                .param("reference", reference)
                .update();
    }

    String lastReply(String reference) {
        return jdbc.sql("SELECT last_reply FROM support_case WHERE reference = :reference")
                .param("reference", reference)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void incrementReopenCount(String reference) {
        jdbc.sql("UPDATE support_case SET reopen_count = reopen_count + 1 WHERE reference = :reference")
                .param("reference", reference)
                .update();
    }

    void replaceTags(long caseId, List<String> tags) {
        jdbc.sql("DELETE FROM case_tag WHERE case_id = :id").param("id", caseId).update();
        addTags(caseId, tags);
    }

    void addTags(long caseId, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("INSERT INTO case_tag (case_id, tag) VALUES (:id, :tag)")
                    .param("id", caseId)
                    .param("tag", tag)
                    .update();
        }
    }

    List<String> tagsOf(long caseId) {
        return jdbc.sql("SELECT tag FROM case_tag WHERE case_id = :id ORDER BY tag")
                .param("id", caseId)
                .query(String.class)
                .list();
    }

    /**
     * An event on the case of that reference. The id is read off the reference, which is made from it
     * ({@link #referenceOf}), so the insert needs no lookup first; the foreign key still refuses an unknown case.
     * (An INSERT ... SELECT by reference deadlocked on MariaDB under concurrent intake.)
     */
    void addEvent(String reference, Instant at, CaseEventType type, String detail) {
        long id;
        try {
            id = idFromReference(reference);
        } catch (IllegalArgumentException notOurs) {
            id = idOf(reference);
        }
        try {
            addEvent(id, at, type, detail);
        } catch (DataIntegrityViolationException unknown) {
            throw new CaseNotFoundException(reference);
        }
    }

    private static long idFromReference(String reference) {
        if (reference == null || !reference.matches("CASE-\\d{6,18}")) {
            throw new IllegalArgumentException(reference);
        }
        long id = Long.parseLong(reference.substring("CASE-".length()));
        if (!referenceOf(id).equals(reference)) {
            throw new IllegalArgumentException(reference);
        }
        return id;
    }

    /** The case row alone, without its tags: for callers that know the tags or need none. */
    Optional<SupportCase> findRowByReference(String reference) {
        return jdbc.sql("SELECT * FROM support_case WHERE reference = :reference")
                .param("reference", reference)
                .query(this::mapCase)
                .optional();
    }

    /** The flow a case is attached to: empty for an unknown case, an empty string for a case without a flow yet. */
    Optional<String> processInstanceOf(String reference) {
        return jdbc.sql("SELECT process_instance_id FROM support_case WHERE reference = :reference")
                .param("reference", reference)
                .query((rs, n) -> {
                    String id = rs.getString(1);
                    return id == null ? "" : id;
                })
                .optional();
    }

    void addEvent(long caseId, Instant at, CaseEventType type, String detail) {
        jdbc.sql("INSERT INTO case_event (case_id, at, type, detail) VALUES (:id, :at, :type, :detail)")
                .param("id", caseId)
                .param("at", ts(at))
                .param("type", type.wire())
                .param("detail", detail)
                .update();
    }

    List<CaseEvent> events(long caseId) {
        return jdbc.sql("SELECT at, type, detail FROM case_event WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> new CaseEvent(
                        instant(rs, "at"), CaseEventType.fromWire(rs.getString("type")), rs.getString("detail")))
                .list();
    }

    int countSince(String customerEmail, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM support_case WHERE customer_email = :email AND created_at >= :since")
                .param("email", customerEmail)
                .param("since", ts(since))
                .query(Integer.class)
                .single();
    }

    List<SupportCase> recentOf(String customerEmail, String exceptReference, int limit) {
        return jdbc.sql("""
                SELECT * FROM support_case WHERE customer_email = :email AND reference <> :reference
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("email", customerEmail)
                .param("reference", exceptReference)
                .param("limit", limit)
                .query(this::mapCase)
                .list();
    }

    CasePage search(CaseQuery q) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var params = new LinkedHashMap<String, Object>();
        if (q.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", q.status().wire());
        }
        if (q.priority() != null) {
            where.append(" AND c.priority = :priority");
            params.put("priority", q.priority());
        }
        if (q.customer() != null) {
            where.append(" AND c.customer_email = :customer");
            params.put("customer", q.customer());
        }
        if (q.openedBy() != null) {
            where.append(" AND c.opened_by = :openedBy");
            params.put("openedBy", q.openedBy());
        }
        if (q.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM case_tag t WHERE t.case_id = c.id AND t.tag = :tag)");
            params.put("tag", q.tag());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM support_case c" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<SupportCase> items = jdbc
                .sql("SELECT c.* FROM support_case c" + where
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(this::mapCase)
                .list()
                .stream()
                .map(c -> c.with(tagsOf(c.id()), c.sla()))
                .toList();
        return new CasePage(items, total);
    }

    /** The case's own columns; its tags and its SLA are added by the caller. */
    private SupportCase mapCase(ResultSet rs, int row) throws SQLException {
        return new SupportCase(
                rs.getLong("id"),
                rs.getString("reference"),
                CaseStatus.fromWire(rs.getString("status")),
                Channel.fromWire(rs.getString("channel")),
                rs.getString("customer_email"),
                rs.getString("customer_name"),
                rs.getString("customer_tier"),
                rs.getString("subject"),
                rs.getString("description"),
                rs.getString("order_id"),
                rs.getString("severity"),
                rs.getDouble("sentiment"),
                rs.getDouble("latest_sentiment"),
                rs.getDouble("worst_sentiment"),
                rs.getString("intent"),
                rs.getString("category"),
                rs.getBoolean("compliance"),
                rs.getString("priority"),
                rs.getString("assigned_group"),
                rs.getInt("escalation_level"),
                rs.getInt("reopen_count"),
                rs.getString("resolution"),
                (Integer) rs.getObject("csat", Integer.class),
                rs.getString("csat_comment"),
                rs.getString("opened_by"),
                rs.getString("process_instance_id"),
                instant(rs, "created_at"),
                instant(rs, "acknowledged_at"),
                instant(rs, "first_response_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                List.of(),
                CaseSla.NONE,
                rs.getBoolean("automated"),
                rs.getString("possible_duplicate_of"),
                rs.getString("merged_into"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
