package io.casedesk.prevention;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseReporting;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.TagVocabulary;
import io.casedesk.knowledge.Article;
import io.casedesk.knowledge.ArticleDraft;
import io.casedesk.knowledge.KnowledgeBase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prevention tickets ask the knowledge team to close a gap (FAQ, KB article, automation). There is at most one
 * open ticket per tag; later cases with that tag are linked to it instead of opening another.
 */
@Service
@Transactional
public class PreventionService {

    /** A ticket's status as written in prevention_ticket.status. */
    enum TicketStatus {
        OPEN,
        DONE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final PreventionTicketStarter starter;
    private final TagVocabulary vocabulary;
    private final KnowledgeBase knowledge;
    private final Clock clock;
    private final CaseReporting reporting;

    PreventionService(
            JdbcClient jdbc,
            CaseService cases,
            PreventionTicketStarter starter,
            TagVocabulary vocabulary,
            KnowledgeBase knowledge,
            Clock clock,
            CaseReporting reporting) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.starter = starter;
        this.vocabulary = vocabulary;
        this.knowledge = knowledge;
        this.clock = clock;
        this.reporting = reporting;
    }

    /** The tag of a gap whose case has no tag and an intent the vocabulary does not know. */
    static final String FALLBACK_TAG = "other";

    /**
     * The agent flagged a knowledge gap: opens or joins the prevention ticket of each tag, those the agent gave with
     * the answer and those the case already has; without any, the tag of the case's classified intent when the
     * vocabulary knows it, else "other". A case joins a ticket once, however often the gap is flagged; the knowledge
     * team's open task then lists it at once.
     */
    public void requestFor(String reference, List<String> answerTags) {
        var supportCase = cases.get(reference);
        Set<String> tags = new LinkedHashSet<>(answerTags);
        tags.addAll(supportCase.tags());
        if (tags.isEmpty()) {
            tags.add(vocabulary.vocabulary().contains(supportCase.intent()) ? supportCase.intent() : FALLBACK_TAG);
        }
        for (String tag : tags) {
            Optional<Long> open = openTicket(tag);
            long ticketId = open.orElseGet(() -> openTicketFor(tag));
            if (linked(ticketId, supportCase.id())) {
                continue;
            }
            jdbc.sql("INSERT INTO prevention_link (ticket_id, case_id, linked_at) VALUES (:t, :c, :at)")
                    .param("t", ticketId)
                    .param("c", supportCase.id())
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            cases.recordEvent(
                    reference,
                    CaseEventType.PREVENTION,
                    (open.isPresent() ? "Linked to open prevention ticket PREV-" : "Opened prevention ticket PREV-")
                            + ticketId + " for tag " + tag);
            if (open.isPresent()) {
                starter.linkedCasesChanged(processInstanceOf(ticketId), linkedCaseLines(ticketId));
            }
        }
    }

    /** The cases linked to a ticket as the knowledge team's task shows them: reference and subject, oldest first. */
    @Transactional(readOnly = true)
    public String linkedCaseLines(long ticketId) {
        return linkedCases(ticketId).stream()
                .map(reference -> reference + " · " + cases.get(reference).subject())
                .collect(Collectors.joining("\n"));
    }

    private boolean linked(long ticketId, long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM prevention_link WHERE ticket_id = :t AND case_id = :c")
                        .param("t", ticketId)
                        .param("c", caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private String processInstanceOf(long ticketId) {
        return jdbc.sql("SELECT process_instance_id FROM prevention_ticket WHERE id = :id")
                .param("id", ticketId)
                .query(String.class)
                .single();
    }

    public Optional<Long> openTicket(String tag) {
        return jdbc.sql("SELECT id FROM prevention_ticket WHERE open_tag = :tag")
                .param("tag", tag)
                .query(Long.class)
                .optional();
    }

    /** References of the cases linked to a ticket, oldest first (the references from cases, in one go). */
    @Transactional(readOnly = true)
    public List<String> linkedCases(long ticketId) {
        List<Long> caseIds = jdbc.sql(
                        "SELECT case_id FROM prevention_link WHERE ticket_id = :t ORDER BY linked_at, case_id")
                .param("t", ticketId)
                .query(Long.class)
                .list();
        Map<Long, String> references = cases.referencesOf(caseIds);
        return caseIds.stream().map(references::get).toList();
    }

    /**
     * The knowledge team's answer closes the ticket; with an article (may be null) it publishes it, or updates the one
     * this ticket wrote before, and the linked cases' timelines name it.
     */
    public void complete(long ticketId, String action, String note, ArticleDraft article) {
        Article written = article == null ? null : knowledge.write(article, ticketId);
        jdbc.sql("""
                UPDATE prevention_ticket SET status = :done, open_tag = NULL, action = :action, note = :note,
                    closed_at = :at WHERE id = :id""")
                .param("done", TicketStatus.DONE.wire())
                .param("action", action)
                .param("note", note)
                .param("at", Timestamp.from(clock.instant()))
                .param("id", ticketId)
                .update();
        for (String reference : linkedCases(ticketId)) {
            cases.recordEvent(
                    reference,
                    CaseEventType.PREVENTION,
                    "Prevention ticket PREV-" + ticketId + " done: " + action
                            + (written == null
                                    ? ""
                                    : "; article " + written.publicId() + " " + knowledge.url(written)));
        }
    }

    /**
     * An incident's outreach ended: opens or joins the prevention ticket of its key and links the incident's cases
     * to it (each once, with a timeline entry); the knowledge team's open task lists them. Gives the ticket's id.
     */
    public long requestForIncident(String key, long incidentId, List<String> caseReferences) {
        Optional<Long> open = openTicket(key);
        long ticketId = open.orElseGet(() -> openTicketFor(key));
        boolean joined = false;
        for (String reference : caseReferences) {
            long caseId = cases.idOf(reference);
            if (linked(ticketId, caseId)) {
                continue;
            }
            jdbc.sql("INSERT INTO prevention_link (ticket_id, case_id, linked_at) VALUES (:t, :c, :at)")
                    .param("t", ticketId)
                    .param("c", caseId)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            cases.recordEvent(
                    reference,
                    CaseEventType.PREVENTION,
                    "Incident INC-" + incidentId + " handed to prevention ticket PREV-" + ticketId + " for " + key);
            joined = true;
        }
        if (open.isPresent() && joined) {
            starter.linkedCasesChanged(processInstanceOf(ticketId), linkedCaseLines(ticketId));
        }
        return ticketId;
    }

    /**
     * Compares the key's cases and CSAT in the period {@code span} before the incident began with the period of the
     * same length after it ended, records the result (once per incident) and notes it on the ticket's linked cases'
     * timelines.
     */
    public PreventionCheck checkAfterIncident(
            long ticketId,
            long incidentId,
            String tag,
            String category,
            Instant detectedAt,
            Instant endedAt,
            java.time.Duration span) {
        Optional<PreventionCheck> done = check(incidentId);
        if (done.isPresent()) {
            return done.get();
        }
        Instant beforeFrom = detectedAt.minus(span);
        Instant afterTo = endedAt.plus(span);
        CaseReporting.KeyFigures before = reporting.keyFigures(tag, category, beforeFrom, detectedAt);
        CaseReporting.KeyFigures after = reporting.keyFigures(tag, category, endedAt, afterTo);
        var result = new PreventionCheck(
                ticketId,
                incidentId,
                tag != null ? tag : category,
                beforeFrom,
                detectedAt,
                endedAt,
                afterTo,
                before.cases(),
                after.cases(),
                before.csatAverage(),
                after.csatAverage(),
                clock.instant());
        jdbc.sql("""
                INSERT INTO prevention_check (ticket_id, incident_id, incident_key, before_from, before_to, after_from,
                    after_to, cases_before, cases_after, csat_before, csat_after, checked_at)
                VALUES (:t, :i, :k, :bf, :bt, :af, :at, :cb, :ca, :sb, :sa, :now)""")
                .param("t", ticketId)
                .param("i", incidentId)
                .param("k", result.key())
                .param("bf", Timestamp.from(beforeFrom))
                .param("bt", Timestamp.from(detectedAt))
                .param("af", Timestamp.from(endedAt))
                .param("at", Timestamp.from(afterTo))
                .param("cb", result.casesBefore())
                .param("ca", result.casesAfter())
                .param("sb", result.csatBefore())
                .param("sa", result.csatAfter())
                .param("now", Timestamp.from(result.checkedAt()))
                .update();
        for (String reference : linkedCases(ticketId)) {
            cases.recordEvent(reference, CaseEventType.PREVENTION, result.summary());
        }
        return result;
    }

    /** The check of an incident's prevention, once it ran. */
    @Transactional(readOnly = true)
    public Optional<PreventionCheck> check(long incidentId) {
        return checks("WHERE incident_id = :i", incidentId).stream().findFirst();
    }

    /** Every prevention check, newest first (for /api/trends). */
    @Transactional(readOnly = true)
    public List<PreventionCheck> checks() {
        return checks("", null);
    }

    private List<PreventionCheck> checks(String where, Long incidentId) {
        var query = jdbc.sql("SELECT * FROM prevention_check " + where + " ORDER BY checked_at DESC, id DESC");
        if (incidentId != null) {
            query = query.param("i", incidentId);
        }
        return query.query((rs, row) -> new PreventionCheck(
                        rs.getLong("ticket_id"),
                        rs.getLong("incident_id"),
                        rs.getString("incident_key"),
                        rs.getTimestamp("before_from").toInstant(),
                        rs.getTimestamp("before_to").toInstant(),
                        rs.getTimestamp("after_from").toInstant(),
                        rs.getTimestamp("after_to").toInstant(),
                        rs.getLong("cases_before"),
                        rs.getLong("cases_after"),
                        decimal(rs, "csat_before"),
                        decimal(rs, "csat_after"),
                        rs.getTimestamp("checked_at").toInstant()))
                .list();
    }

    private static Double decimal(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private long openTicketFor(String tag) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO prevention_ticket (tag, open_tag, status, opened_at) VALUES (:tag, :tag, :open, :at)")
                .param("tag", tag)
                .param("open", TicketStatus.OPEN.wire())
                .param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String processInstanceId = starter.start(id, tag);
        jdbc.sql("UPDATE prevention_ticket SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId)
                .param("id", id)
                .update();
        return id;
    }
}
