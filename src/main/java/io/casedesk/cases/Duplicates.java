package io.casedesk.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds, as a case is opened, an open case of the same customer about the same problem: the same order id, or a
 * subject and description alike enough (TextSimilarity at least casedesk.duplicates.similarity) within
 * casedesk.duplicates.window. Both cases are flagged and their timelines say so; an agent decides whether to merge.
 */
@Component
class Duplicates {

    /** The newest open cases of the customer compared: a customer has a handful, a loop or a bot not many more. */
    private static final int CANDIDATES = 50;

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final DuplicateProperties properties;

    Duplicates(JdbcClient jdbc, CaseRepository cases, DuplicateProperties properties) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.properties = properties;
    }

    record Candidate(long id, String reference, String orderId, String text) {}

    record Match(String reference, String reason, double score) {}

    /** Flags the new case and the open case it most likely repeats, if there is one. */
    void flag(long id, NewCase newCase, Instant now) {
        find(id, newCase, now).ifPresent(match -> {
            String reference = CaseRepository.referenceOf(id);
            cases.update(reference, java.util.Map.of("possible_duplicate_of", match.reference()));
            jdbc.sql("""
                    UPDATE support_case SET possible_duplicate_of = :duplicate
                    WHERE reference = :reference AND possible_duplicate_of IS NULL""")
                    .param("duplicate", reference)
                    .param("reference", match.reference())
                    .update();
            cases.addEvent(
                    id,
                    now,
                    CaseEventType.POSSIBLE_DUPLICATE,
                    "Possibly the same problem as the open case %s (%s): suggested for merging"
                            .formatted(match.reference(), match.reason()));
            cases.addEvent(
                    match.reference(),
                    now,
                    CaseEventType.POSSIBLE_DUPLICATE,
                    "The new case %s of the same customer looks like the same problem (%s): suggested for merging"
                            .formatted(reference, match.reason()));
        });
    }

    Optional<Match> find(long id, NewCase newCase, Instant now) {
        List<Candidate> candidates = jdbc.sql("""
                SELECT id, reference, order_id, subject, description FROM support_case
                WHERE customer_email = :email AND id <> :id AND created_at >= :since
                  AND status NOT IN (:done)
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("email", newCase.customerEmail())
                .param("id", id)
                .param("since", CaseRepository.ts(now.minus(properties.window())))
                .param("done", List.of(CaseStatus.CLOSED.wire(), CaseStatus.MERGED.wire()))
                .param("limit", CANDIDATES)
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        rs.getString("order_id"),
                        rs.getString("subject") + "\n" + rs.getString("description")))
                .list();
        String orderId = normalised(newCase.orderId());
        String text = newCase.subject() + "\n" + newCase.description();
        return candidates.stream()
                .map(c -> orderId != null && orderId.equals(normalised(c.orderId()))
                        ? new Match(c.reference(), "same order " + newCase.orderId(), 1.0)
                        : similar(c, text))
                .filter(m -> m != null)
                .max(Comparator.comparingDouble(Match::score));
    }

    private Match similar(Candidate candidate, String text) {
        double score = TextSimilarity.cosine(candidate.text(), text);
        return score >= properties.similarity()
                ? new Match(
                        candidate.reference(), String.format(Locale.ROOT, "similar text, cosine %.2f", score), score)
                : null;
    }

    private static String normalised(String orderId) {
        return orderId == null || orderId.isBlank() ? null : orderId.strip().toLowerCase(Locale.ROOT);
    }
}
