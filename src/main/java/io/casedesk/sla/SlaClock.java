package io.casedesk.sla;

import io.casedesk.cases.CaseEventType;
import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import io.casedesk.sla.SlaRecord.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clock of a case, one record per target: started at triage, paused while the case waits on the
 * customer, resumed with the working time that was left, and closed as met or breached (by how much). The records
 * (sla_record) are the one place the SLA state is kept; the case shows it through {@link SlaOfCases}.
 */
@Service
@Transactional
public class SlaClock {

    /** A clock restarted after a pause: shift every pending deadline with {@link #shifted}. */
    public record Resumed(
            Instant pausedAt, Instant resumedAt, String calendar, Instant responseDueAt, Instant resolutionDueAt) {}

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final SlaService sla;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SlaClock(JdbcClient jdbc, CaseService cases, SlaService sla, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.sla = sla;
        this.clock = clock;
        this.events = events;
    }

    /** Starts the case's clock now: its deadlines and warning instants, as the timers of the flow wait for them. */
    public SlaSchedule start(String reference, SlaDecision decision) {
        SlaSchedule schedule = sla.schedule(clock.instant(), decision);
        long caseId = cases.idOf(reference);
        insert(caseId, SlaTarget.RESPONSE, schedule.response(), schedule.calendar(), schedule.startedAt());
        insert(caseId, SlaTarget.RESOLUTION, schedule.resolution(), schedule.calendar(), schedule.startedAt());
        return schedule;
    }

    /**
     * A warning time before a deadline came. A target already met stays quiet; one still open goes on the case's
     * timeline, and the answer says how far the case's open tasks move up.
     */
    public SlaWarning warn(
            String reference, SlaTarget target, SlaWarning.Stage stage, boolean responded, boolean resolved) {
        boolean met = target == SlaTarget.RESPONSE ? responded : resolved;
        if (met) {
            return SlaWarning.none();
        }
        SupportCase c = cases.get(reference);
        cases.recordEvent(
                reference,
                CaseEventType.SLA_WARNING,
                "%s target at risk (%s warning); due %s"
                        .formatted(
                                target == SlaTarget.RESPONSE ? "First-response" : "Resolution",
                                stage.wire(),
                                target == SlaTarget.RESPONSE ? c.responseDueAt() : c.resolutionDueAt()));
        events.publishEvent(new SlaAlert(target, stage));
        return new SlaWarning(true, stage.priorityRaise());
    }

    /** The case waits on the customer: the running targets stop counting. */
    public void pause(String reference) {
        Instant now = clock.instant();
        int paused = jdbc.sql("""
                UPDATE sla_record SET paused_since = :now
                WHERE case_id = :id AND outcome = :running AND paused_since IS NULL""")
                .param("now", Timestamp.from(now))
                .param("id", cases.idOf(reference))
                .param("running", Outcome.RUNNING.name())
                .update();
        if (paused > 0) {
            cases.recordEvent(reference, CaseEventType.SLA_PAUSED, "SLA clock paused while waiting on the customer");
        }
    }

    /** The customer answered (or the wait ended): the running targets resume with the time they had left. */
    public Resumed resume(String reference) {
        long caseId = cases.idOf(reference);
        Instant now = clock.instant();
        List<Clocked> records = clocked(caseId);
        String calendar =
                records.isEmpty() ? SlaCalendars.ALWAYS : records.get(0).calendar();
        Instant pausedAt = records.stream()
                .map(Clocked::pausedSince)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        var due = new EnumMap<SlaTarget, Instant>(SlaTarget.class);
        records.forEach(r -> due.put(r.target(), r.dueAt()));
        if (pausedAt == null) {
            return new Resumed(now, now, calendar, due.get(SlaTarget.RESPONSE), due.get(SlaTarget.RESOLUTION));
        }
        long pausedSeconds = Duration.between(pausedAt, now).toSeconds();
        for (Clocked r : records) {
            if (r.pausedSince() == null) {
                continue;
            }
            Instant moved = shifted(r.dueAt(), pausedAt, now, r.calendar());
            jdbc.sql("""
                    UPDATE sla_record SET paused_since = NULL, paused_seconds = paused_seconds + :paused, due_at = :due
                    WHERE case_id = :id AND target = :target AND paused_since IS NOT NULL""")
                    .param("paused", pausedSeconds)
                    .param("due", Timestamp.from(moved))
                    .param("id", caseId)
                    .param("target", r.target().name())
                    .update();
            due.put(r.target(), moved);
        }
        cases.recordEvent(
                reference,
                CaseEventType.SLA_RESUMED,
                "SLA clock resumed after %d min waiting on the customer; first response due %s, resolution due %s"
                        .formatted(
                                Duration.ofSeconds(pausedSeconds).toMinutes(),
                                due.get(SlaTarget.RESPONSE),
                                due.get(SlaTarget.RESOLUTION)));
        return new Resumed(pausedAt, now, calendar, due.get(SlaTarget.RESPONSE), due.get(SlaTarget.RESOLUTION));
    }

    /** A deadline (a timer's due date) moved by the pause. */
    public Instant shifted(Instant due, Resumed resumed) {
        return shifted(due, resumed.pausedAt(), resumed.resumedAt(), resumed.calendar());
    }

    public void met(String reference, SlaTarget target) {
        long caseId = cases.idOf(reference);
        Instant now = clock.instant();
        // a target met after its breach keeps the breach, and learns how late it was
        jdbc.sql("""
                UPDATE sla_record SET met_at = :now,
                    outcome = CASE WHEN outcome = :breached THEN :breached ELSE :met END,
                    late_seconds = CASE WHEN outcome = :breached THEN :late ELSE NULL END
                WHERE case_id = :id AND target = :target AND met_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("late", lateSeconds(caseId, target, now))
                .param("breached", Outcome.BREACHED.name())
                .param("met", Outcome.MET.name())
                .param("id", caseId)
                .param("target", target.name())
                .update();
    }

    /** The timer of the target fired before it was met: the record and the case's timeline say so. */
    public void breached(String reference, SlaTarget target) {
        jdbc.sql(
                        "UPDATE sla_record SET outcome = :breached, breached_at = :now WHERE case_id = :id AND target = :target")
                .param("breached", Outcome.BREACHED.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", cases.idOf(reference))
                .param("target", target.name())
                .update();
        cases.recordEvent(
                reference,
                CaseEventType.SLA_BREACH,
                (target == SlaTarget.RESPONSE ? "First-response" : "Resolution") + " target breached");
        events.publishEvent(new SlaAlert(target, null));
    }

    /** "Still broken": the resolution target is open again, unless it was already breached. */
    public void reopened(String reference) {
        jdbc.sql("""
                UPDATE sla_record SET met_at = NULL, outcome = :running
                WHERE case_id = :id AND target = :resolution AND outcome = :met""")
                .param("running", Outcome.RUNNING.name())
                .param("id", cases.idOf(reference))
                .param("resolution", SlaTarget.RESOLUTION.name())
                .param("met", Outcome.MET.name())
                .update();
    }

    /**
     * Compliance over the cases opened in [from, to), from the records the timers and the agents' work wrote; the
     * cases' opening times come from the view case_report, which cases publishes for such joins.
     */
    @Transactional(readOnly = true)
    public SlaCompliance compliance(Instant from, Instant to) {
        return new SlaCompliance(settled(SlaTarget.RESPONSE, from, to), settled(SlaTarget.RESOLUTION, from, to));
    }

    private SlaCompliance.Target settled(SlaTarget target, Instant from, Instant to) {
        var counts = new EnumMap<Outcome, Long>(Outcome.class);
        jdbc.sql("""
                SELECT r.outcome, COUNT(*) AS n FROM sla_record r JOIN case_report c ON c.id = r.case_id
                WHERE r.target = :target AND c.created_at >= :from AND c.created_at < :to GROUP BY r.outcome""")
                .param("target", target.name())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> Map.entry(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return new SlaCompliance.Target(
                counts.getOrDefault(Outcome.MET, 0L), counts.getOrDefault(Outcome.BREACHED, 0L));
    }

    /** The records of a case (response, resolution). */
    @Transactional(readOnly = true)
    public List<SlaRecord> records(String reference) {
        return jdbc.sql("SELECT * FROM sla_record WHERE case_id = :id ORDER BY target DESC")
                .param("id", cases.idOf(reference))
                .query((rs, n) -> new SlaRecord(
                        SlaTarget.valueOf(rs.getString("target")),
                        Duration.ofSeconds(rs.getLong("target_seconds")),
                        rs.getString("calendar"),
                        rs.getTimestamp("due_at").toInstant(),
                        Duration.ofSeconds(rs.getLong("paused_seconds")),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getObject("late_seconds") == null ? null : Duration.ofSeconds(rs.getLong("late_seconds"))))
                .list();
    }

    /** What resuming needs of a record. */
    private record Clocked(SlaTarget target, String calendar, Instant dueAt, Instant pausedSince) {}

    private List<Clocked> clocked(long caseId) {
        return jdbc.sql(
                        "SELECT target, calendar, due_at, paused_since FROM sla_record WHERE case_id = :id ORDER BY target DESC")
                .param("id", caseId)
                .query((rs, n) -> new Clocked(
                        SlaTarget.valueOf(rs.getString("target")),
                        rs.getString("calendar"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("paused_since") == null
                                ? null
                                : rs.getTimestamp("paused_since").toInstant()))
                .list();
    }

    private long lateSeconds(long caseId, SlaTarget target, Instant at) {
        Instant due = jdbc.sql("SELECT due_at FROM sla_record WHERE case_id = :id AND target = :target")
                .param("id", caseId)
                .param("target", target.name())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(at);
        return Math.max(0, Duration.between(due, at).toSeconds());
    }

    private Instant shifted(Instant due, Instant pausedAt, Instant resumedAt, String calendar) {
        return due == null ? null : sla.resumedDueAt(due, pausedAt, resumedAt, calendar);
    }

    private void insert(
            long caseId, SlaTarget target, SlaSchedule.Deadline deadline, String calendar, Instant startedAt) {
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome)
                VALUES (:id, :target, :seconds, :calendar, :started, :due, 'RUNNING')""")
                .param("id", caseId)
                .param("target", target.name())
                .param("seconds", deadline.target().toSeconds())
                .param("calendar", calendar == null ? SlaCalendars.ALWAYS : calendar)
                .param("started", Timestamp.from(startedAt))
                .param("due", Timestamp.from(deadline.dueAt()))
                .update();
    }
}
