package io.casedesk.sla;

import io.casedesk.sla.SlaCalendars.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Turns the SLA targets of a case (durations in a calendar) into deadlines. */
@Service
public class SlaService {

    /**
     * The shares of a target after which its warnings come, where the sla-targets table gives none (or none
     * strictly between 0 and 1): the table is the place for them, these only keep a case warned.
     */
    static final double FIRST_WARNING_FALLBACK = 0.75;

    static final double FINAL_WARNING_FALLBACK = 0.9;

    private final Map<String, BusinessHours> calendars;

    SlaService(SlaCalendars calendars) {
        this.calendars = calendars.calendars() == null ? Map.of() : calendars.calendars();
    }

    public SlaDeadlines deadlines(Instant start, String responseDue, String resolutionDue, String calendar) {
        return new SlaDeadlines(
                dueAt(start, Duration.parse(responseDue), calendar),
                dueAt(start, Duration.parse(resolutionDue), calendar));
    }

    /** The deadlines and warning instants of what sla-targets decided, for a clock that starts at {@code start}. */
    public SlaSchedule schedule(Instant start, SlaDecision decision) {
        String calendar = decision.calendar();
        double first = share(decision.firstWarning(), FIRST_WARNING_FALLBACK);
        double last = share(decision.finalWarning(), FINAL_WARNING_FALLBACK);
        return new SlaSchedule(
                start,
                calendar,
                deadline(start, Duration.parse(decision.responseDue()), calendar, first, last),
                deadline(start, Duration.parse(decision.resolutionDue()), calendar, first, last));
    }

    /**
     * The instant at which {@code target} of working time has passed since {@code start} in the calendar, rounded up
     * to the whole second: MySQL and MariaDB keep the engine's timestamps to the second (sendFractionalSeconds=false
     * cuts the fraction off), so a timer created for 12:00:05.700 would fire at 12:00:05, before its deadline; a
     * deadline of whole seconds fires at the same instant on every database, never early.
     */
    public Instant dueAt(Instant start, Duration target, String calendar) {
        Instant due = calendar == null || SlaCalendars.ALWAYS.equals(calendar)
                ? start.plus(target)
                : addWorkingTime(start, target, hoursOf(calendar));
        Instant second = due.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(due) ? due : second.plusSeconds(1);
    }

    /** Working time between two instants in the calendar (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to, String calendar) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (calendar == null || SlaCalendars.ALWAYS.equals(calendar)) {
            return Duration.between(from, to);
        }
        BusinessHours hours = hoursOf(calendar);
        Duration total = Duration.ZERO;
        ZonedDateTime cursor = from.atZone(hours.zone());
        ZonedDateTime end = to.atZone(hours.zone());
        while (cursor.isBefore(end)) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day, hours)) {
                ZonedDateTime opens = day.atTime(hours.opens()).atZone(hours.zone());
                ZonedDateTime closes = day.atTime(hours.closes()).atZone(hours.zone());
                ZonedDateTime start = cursor.isBefore(opens) ? opens : cursor;
                ZonedDateTime stop = end.isBefore(closes) ? end : closes;
                if (start.isBefore(stop)) {
                    total = total.plus(Duration.between(start, stop));
                }
            }
            cursor = day.plusDays(1).atStartOfDay(hours.zone());
        }
        return total;
    }

    /**
     * A deadline after a pause: the working time that was left when the clock stopped is granted again from
     * the moment it restarts, so waiting on the customer neither counts nor makes the case breach at once.
     */
    public Instant resumedDueAt(Instant dueAt, Instant pausedAt, Instant resumedAt, String calendar) {
        return dueAt(resumedAt, workingTimeBetween(pausedAt, dueAt, calendar), calendar);
    }

    private SlaSchedule.Deadline deadline(
            Instant start, Duration target, String calendar, double firstShare, double finalShare) {
        return new SlaSchedule.Deadline(
                target,
                dueAt(start, target, calendar),
                dueAt(start, share(target, firstShare), calendar),
                dueAt(start, share(target, finalShare), calendar));
    }

    private static Duration share(Duration target, double share) {
        return Duration.ofMillis(Math.round(target.toMillis() * share));
    }

    private static double share(Double decided, double fallback) {
        return decided == null || decided <= 0 || decided >= 1 ? fallback : decided;
    }

    private BusinessHours hoursOf(String calendar) {
        BusinessHours hours = calendars.get(calendar);
        if (hours == null) {
            throw new IllegalArgumentException("Unknown SLA calendar '" + calendar + "'; configured: "
                    + calendars.keySet() + " and " + SlaCalendars.ALWAYS);
        }
        return hours;
    }

    private static Instant addWorkingTime(Instant start, Duration target, BusinessHours hours) {
        Duration left = target;
        ZonedDateTime cursor = start.atZone(hours.zone());
        while (true) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day, hours)) {
                ZonedDateTime opens = day.atTime(hours.opens()).atZone(hours.zone());
                ZonedDateTime closes = day.atTime(hours.closes()).atZone(hours.zone());
                ZonedDateTime from = cursor.isBefore(opens) ? opens : cursor;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (left.compareTo(available) <= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay(hours.zone());
        }
    }

    private static boolean isWorkingDay(LocalDate day, BusinessHours hours) {
        return hours.days().contains(day.getDayOfWeek()) && !hours.holidays().contains(day);
    }

    public record SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt) {}
}
