package io.casedesk.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words of cases, for full-text search (the assist's similar cases): subject, description, the customer's
 * messages and the resolution. Resolved and closed cases are read in pages by the time of their resolution, so a
 * search index can catch up from where it stopped.
 */
@Service
// a failed read must not roll back the caller's transaction (a case task's assist reads within the engine's)
@Transactional(readOnly = true, noRollbackFor = RuntimeException.class)
public class CaseTexts {

    /** A case's words and what a search hit shows of it; {@code resolvedAt} is null while it is not resolved. */
    public record CaseText(
            long id,
            String reference,
            CaseStatus status,
            String customerName,
            String subject,
            String description,
            String orderId,
            List<String> messages,
            String resolution,
            Integer csat,
            Instant resolvedAt) {

        /** Resolved or closed: what a similar case must be. Merged and open cases are not. */
        public boolean settled() {
            return resolvedAt != null && (status == CaseStatus.RESOLVED || status == CaseStatus.CLOSED);
        }
    }

    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    CaseTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseText> of(String reference) {
        return jdbc.sql(SELECT + " WHERE reference = :reference")
                .param("reference", reference)
                .query(this::row)
                .optional()
                .map(c -> withMessages(List.of(c)).get(0));
    }

    /**
     * Resolved or closed cases whose resolution is at or after {@code since} (after {@code afterId} within that
     * instant), oldest resolution first, with their customers' messages.
     */
    public List<CaseText> settledSince(Instant since, long afterId, int limit) {
        return withMessages(jdbc.sql(SELECT + " " + """
                         WHERE resolved_at IS NOT NULL AND status IN ('resolved', 'closed')
                           AND (resolved_at > :since OR (resolved_at = :since AND id > :afterId))
                         ORDER BY resolved_at, id LIMIT :limit""")
                .param("since", CaseRepository.ts(since))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(this::row)
                .list());
    }

    /** The cases of these references as they are now, without their messages (what a search hit shows). */
    public Map<String, CaseText> byReference(Collection<String> references) {
        var found = new HashMap<String, CaseText>();
        List<String> all = List.copyOf(references);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            jdbc.sql(SELECT + " WHERE reference IN (:references)")
                    .param("references", all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)))
                    .query(this::row)
                    .list()
                    .forEach(c -> found.put(c.reference(), c));
        }
        return found;
    }

    private static final String SELECT = "SELECT id, reference, status, customer_name, subject, description, "
            + "order_id, resolution, csat, resolved_at FROM support_case";

    private CaseText row(ResultSet rs, int n) throws SQLException {
        return new CaseText(
                rs.getLong("id"),
                rs.getString("reference"),
                CaseStatus.fromWire(rs.getString("status")),
                rs.getString("customer_name"),
                rs.getString("subject"),
                rs.getString("description"),
                rs.getString("order_id"),
                List.of(),
                rs.getString("resolution"),
                rs.getObject("csat", Integer.class),
                CaseRepository.instant(rs, "resolved_at"));
    }

    private List<CaseText> withMessages(List<CaseText> texts) {
        if (texts.isEmpty()) {
            return texts;
        }
        var messages = new LinkedHashMap<Long, List<String>>();
        List<Long> ids = texts.stream().map(CaseText::id).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            jdbc.sql("SELECT case_id, detail FROM case_event WHERE case_id IN (:ids) AND type = :type ORDER BY id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .param("type", CaseEventType.CUSTOMER_MESSAGE.wire())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list()
                    .forEach(m -> messages.computeIfAbsent(m.getKey(), k -> new ArrayList<>())
                            .add(m.getValue()));
        }
        return texts.stream()
                .map(c -> new CaseText(
                        c.id(),
                        c.reference(),
                        c.status(),
                        c.customerName(),
                        c.subject(),
                        c.description(),
                        c.orderId(),
                        List.copyOf(messages.getOrDefault(c.id(), List.of())),
                        c.resolution(),
                        c.csat(),
                        c.resolvedAt()))
                .toList();
    }
}
