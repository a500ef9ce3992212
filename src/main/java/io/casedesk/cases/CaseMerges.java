package io.casedesk.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges one case into another. Both rows are locked first, always the lower id first, so two merges of the same
 * pair (A into B and B into A at once) queue behind each other instead of deadlocking: the second then finds its
 * case or its target merged and is refused, or finds its own merge done and changes nothing.
 */
@Component
class CaseMerges {

    private static final Set<CaseStatus> FINAL = Set.of(CaseStatus.CLOSED, CaseStatus.MERGED);

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final ApplicationEventPublisher events;

    CaseMerges(JdbcClient jdbc, CaseRepository cases, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.events = events;
    }

    private record Locked(
            long id, String reference, CaseStatus status, String customerEmail, String mergedInto, String flow) {}

    /** Runs in CaseService's transaction. */
    void merge(String reference, String into, boolean force, String by, Instant now) {
        if (reference.equals(into)) {
            throw new MergeConflictException("A case cannot be merged into itself");
        }
        long sourceId = cases.idOf(reference);
        long targetId = cases.idOf(into);
        Map<Long, Locked> locked = new LinkedHashMap<>();
        for (long id : List.of(Math.min(sourceId, targetId), Math.max(sourceId, targetId))) {
            locked.put(id, lock(id));
        }
        Locked source = locked.get(sourceId);
        Locked target = locked.get(targetId);
        if (source.status() == CaseStatus.MERGED) {
            if (into.equals(source.mergedInto())) {
                return;
            }
            throw new MergeConflictException("%s was already merged into %s".formatted(reference, source.mergedInto()));
        }
        if (source.status() == CaseStatus.CLOSED) {
            throw new MergeConflictException("%s is closed: a closed case is not merged".formatted(reference));
        }
        if (FINAL.contains(target.status())) {
            throw new MergeConflictException("%s is %s: a case can only be merged into one that is still going"
                    .formatted(into, target.status().wire()));
        }
        if (!force && !source.customerEmail().equalsIgnoreCase(target.customerEmail())) {
            throw new MergeConflictException(
                    "%s and %s are cases of different customers: merge with force to do it anyway"
                            .formatted(reference, into));
        }

        var columns = new LinkedHashMap<String, Object>();
        columns.put("status", CaseStatus.MERGED.wire());
        columns.put("merged_into", into);
        cases.update(reference, columns);
        jdbc.sql(
                        "UPDATE support_case SET possible_duplicate_of = NULL WHERE id = :id AND possible_duplicate_of = :source")
                .param("id", targetId)
                .param("source", reference)
                .update();
        int messages = jdbc.sql("UPDATE case_event SET case_id = :target WHERE case_id = :source AND type = :type")
                .param("target", targetId)
                .param("source", sourceId)
                .param("type", CaseEventType.CUSTOMER_MESSAGE.wire())
                .update();
        List<String> targetTags = cases.tagsOf(targetId);
        List<String> moved = cases.tagsOf(sourceId).stream()
                .filter(tag -> !targetTags.contains(tag))
                .toList();
        cases.addTags(targetId, moved);
        String who = by == null ? "" : " by " + by;
        cases.addEvent(sourceId, now, CaseEventType.MERGED, "Merged into %s%s".formatted(into, who));
        cases.addEvent(
                targetId,
                now,
                CaseEventType.MERGED,
                "%s merged into this case%s: %d customer message(s)%s moved here"
                        .formatted(
                                reference,
                                who,
                                messages,
                                moved.isEmpty() ? "" : " and tags " + String.join(", ", moved)));
        events.publishEvent(new CasesMerged(reference, sourceId, source.flow(), into, targetId, by));
    }

    private Locked lock(long id) {
        return jdbc.sql("""
                SELECT id, reference, status, customer_email, merged_into, process_instance_id FROM support_case
                WHERE id = :id FOR UPDATE""")
                .param("id", id)
                .query((rs, n) -> new Locked(
                        rs.getLong("id"),
                        rs.getString("reference"),
                        CaseStatus.fromWire(rs.getString("status")),
                        rs.getString("customer_email"),
                        rs.getString("merged_into"),
                        rs.getString("process_instance_id")))
                .single();
    }
}
