package io.casedesk.prevention;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    private final Clock clock;

    PreventionService(JdbcClient jdbc, CaseService cases, PreventionTicketStarter starter, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.starter = starter;
        this.clock = clock;
    }

    /** Opens or joins the prevention ticket of each of the case's tags. */
    public void requestFor(String reference) {
        var supportCase = cases.get(reference);
        for (String tag : supportCase.tags()) {
            Optional<Long> open = openTicket(tag);
            long ticketId = open.orElseGet(() -> openTicketFor(tag));
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
        }
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

    public void complete(long ticketId, String action, String note) {
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
                    reference, CaseEventType.PREVENTION, "Prevention ticket PREV-" + ticketId + " done: " + action);
        }
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
