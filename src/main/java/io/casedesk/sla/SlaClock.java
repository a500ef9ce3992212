package io.casedesk.sla;

import io.casedesk.cases.CaseService;
import io.casedesk.cases.SupportCase;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clock of a case, one record per target: started at triage, paused while the case waits on the
 * customer, resumed with the working time that was left, and closed as met or breached (by how much).
 */
@Service
@Transactional
public class SlaClock {

    /** A clock restarted after a pause: shift every pending deadline with {@link #shifted}. */
    public record Resumed(Instant pausedAt, Instant resumedAt, String calendar, Instant responseDueAt,
                          Instant resolutionDueAt) {
    }

    private final JdbcClient jdbc;
    private final CaseService cases;
    private final SlaService sla;
    private final Clock clock;

    SlaClock(JdbcClient jdbc, CaseService cases, SlaService sla, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.sla = sla;
        this.clock = clock;
    }

    /** Starts the case's clock now: its deadlines and warning instants, as the timers of the flow wait for them. */
    public SlaSchedule start(String reference, SlaDecision decision) {
        SlaSchedule schedule = sla.schedule(clock.instant(), decision);
        long caseId = cases.get(reference).id();
        insert(caseId, SlaTarget.RESPONSE, schedule.response(), schedule.calendar(), schedule.startedAt());
        insert(caseId, SlaTarget.RESOLUTION, schedule.resolution(), schedule.calendar(), schedule.startedAt());
        return schedule;
    }

    /**
     * A warning time before a deadline came. A target already met stays quiet; one still open goes on the case's
     * timeline, and the answer says how far the case's open tasks move up.
     */
    public SlaWarning warn(String reference, SlaTarget target, SlaWarning.Stage stage, boolean responded,
                           boolean resolved) {
        boolean met = target == SlaTarget.RESPONSE ? responded : resolved;
        if (met) {
            return SlaWarning.none();
        }
        SupportCase c = cases.get(reference);
        cases.recordEvent(reference, "sla-warning", "%s target at risk (%s warning); due %s".formatted(
                target == SlaTarget.RESPONSE ? "First-response" : "Resolution", stage.wire(),
                target == SlaTarget.RESPONSE ? c.responseDueAt() : c.resolutionDueAt()));
        return new SlaWarning(true, stage.priorityRaise());
    }

    /** The case waits on the customer: the running targets stop counting. */
    public void pause(String reference) {
        SupportCase c = cases.get(reference);
        Instant now = clock.instant();
        int paused = jdbc.sql("""
                UPDATE sla_record SET paused_since = :now
                WHERE case_id = :id AND outcome = 'RUNNING' AND paused_since IS NULL""")
                .param("now", Timestamp.from(now)).param("id", c.id()).update();
        if (paused > 0) {
            cases.recordEvent(reference, "sla-paused", "SLA clock paused while waiting on the customer");
        }
    }

    /** The customer answered (or the wait ended): the running targets resume with the time they had left. */
    public Resumed resume(String reference) {
        SupportCase c = cases.get(reference);
        Instant now = clock.instant();
        Instant pausedAt = jdbc.sql("SELECT MIN(paused_since) FROM sla_record WHERE case_id = :id")
                .param("id", c.id()).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        String calendar = c.slaCalendar();
        if (pausedAt == null) {
            return new Resumed(now, now, calendar, c.responseDueAt(), c.resolutionDueAt());
        }
        Instant responseDue = shifted(c.responseDueAt(), pausedAt, now, calendar);
        Instant resolutionDue = shifted(c.resolutionDueAt(), pausedAt, now, calendar);
        long pausedSeconds = Duration.between(pausedAt, now).toSeconds();
        for (SlaTarget target : SlaTarget.values()) {
            jdbc.sql("""
                    UPDATE sla_record SET paused_since = NULL, paused_seconds = paused_seconds + :paused, due_at = :due
                    WHERE case_id = :id AND target = :target AND paused_since IS NOT NULL""")
                    .param("paused", pausedSeconds).param("due", Timestamp.from(
                            target == SlaTarget.RESPONSE ? responseDue : resolutionDue))
                    .param("id", c.id()).param("target", target.name()).update();
        }
        cases.rescheduleSla(reference, responseDue, resolutionDue, Duration.ofSeconds(pausedSeconds));
        return new Resumed(pausedAt, now, calendar, responseDue, resolutionDue);
    }

    /** A deadline (a timer's due date) moved by the pause. */
    public Instant shifted(Instant due, Resumed resumed) {
        return shifted(due, resumed.pausedAt(), resumed.resumedAt(), resumed.calendar());
    }

    public void met(String reference, SlaTarget target) {
        long caseId = cases.get(reference).id();
        Instant now = clock.instant();
        // a target met after its breach keeps the breach, and learns how late it was
        jdbc.sql("""
                UPDATE sla_record SET met_at = :now,
                    outcome = CASE WHEN outcome = 'BREACHED' THEN 'BREACHED' ELSE 'MET' END,
                    late_seconds = CASE WHEN outcome = 'BREACHED' THEN :late ELSE NULL END
                WHERE case_id = :id AND target = :target AND met_at IS NULL""")
                .param("now", Timestamp.from(now)).param("late", lateSeconds(caseId, target, now))
                .param("id", caseId).param("target", target.name()).update();
    }

    /** The timer of the target fired before it was met: the record, the case's flag and its timeline say so. */
    public void breached(String reference, SlaTarget target) {
        long caseId = cases.get(reference).id();
        cases.recordSlaBreach(reference, target == SlaTarget.RESPONSE);
        jdbc.sql("UPDATE sla_record SET outcome = 'BREACHED', breached_at = :now WHERE case_id = :id AND target = :target")
                .param("now", Timestamp.from(clock.instant())).param("id", caseId).param("target", target.name())
                .update();
    }

    /** "Still broken": the resolution target is open again, unless it was already breached. */
    public void reopened(String reference) {
        long caseId = cases.get(reference).id();
        jdbc.sql("""
                UPDATE sla_record SET met_at = NULL, outcome = 'RUNNING'
                WHERE case_id = :id AND target = 'RESOLUTION' AND outcome = 'MET'""")
                .param("id", caseId).update();
    }

    /** Compliance over the cases opened in [from, to), from the records the timers and the agents' work wrote. */
    @Transactional(readOnly = true)
    public SlaCompliance compliance(Instant from, Instant to) {
        return new SlaCompliance(settled(SlaTarget.RESPONSE, from, to), settled(SlaTarget.RESOLUTION, from, to));
    }

    private SlaCompliance.Target settled(SlaTarget target, Instant from, Instant to) {
        var counts = jdbc.sql("""
                SELECT r.outcome, COUNT(*) AS n FROM sla_record r JOIN support_case c ON c.id = r.case_id
                WHERE r.target = :target AND c.created_at >= :from AND c.created_at < :to GROUP BY r.outcome""")
                .param("target", target.name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> java.util.Map.entry(rs.getString("outcome"), rs.getLong("n"))).list();
        long met = counts.stream().filter(e -> e.getKey().equals("MET")).mapToLong(java.util.Map.Entry::getValue).sum();
        long breached = counts.stream().filter(e -> e.getKey().equals("BREACHED")).mapToLong(java.util.Map.Entry::getValue).sum();
        return new SlaCompliance.Target(met, breached);
    }

    /** The records of a case (response, resolution). */
    @Transactional(readOnly = true)
    public List<SlaRecord> records(String reference) {
        return jdbc.sql("SELECT * FROM sla_record WHERE case_id = :id ORDER BY target DESC")
                .param("id", cases.get(reference).id())
                .query((rs, n) -> new SlaRecord(SlaTarget.valueOf(rs.getString("target")),
                        Duration.ofSeconds(rs.getLong("target_seconds")), rs.getString("calendar"),
                        rs.getTimestamp("due_at").toInstant(), Duration.ofSeconds(rs.getLong("paused_seconds")),
                        SlaRecord.Outcome.valueOf(rs.getString("outcome")),
                        rs.getObject("late_seconds") == null ? null : Duration.ofSeconds(rs.getLong("late_seconds"))))
                .list();
    }

    private long lateSeconds(long caseId, SlaTarget target, Instant at) {
        Instant due = jdbc.sql("SELECT due_at FROM sla_record WHERE case_id = :id AND target = :target")
                .param("id", caseId).param("target", target.name()).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(at);
        return Math.max(0, Duration.between(due, at).toSeconds());
    }

    private Instant shifted(Instant due, Instant pausedAt, Instant resumedAt, String calendar) {
        return due == null ? null : sla.resumedDueAt(due, pausedAt, resumedAt, calendar);
    }

    private void insert(long caseId, SlaTarget target, SlaSchedule.Deadline deadline, String calendar,
                        Instant startedAt) {
        jdbc.sql("""
                INSERT INTO sla_record (case_id, target, target_seconds, calendar, started_at, due_at, outcome)
                VALUES (:id, :target, :seconds, :calendar, :started, :due, 'RUNNING')""")
                .param("id", caseId).param("target", target.name()).param("seconds", deadline.target().toSeconds())
                .param("calendar", calendar == null ? SlaCalendars.ALWAYS : calendar)
                .param("started", Timestamp.from(startedAt)).param("due", Timestamp.from(deadline.dueAt())).update();
    }
}
