package io.casedesk.sla;

import io.casedesk.sla.SlaCalendars.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Turns the SLA targets of a case (durations in a calendar) into deadlines. */
@Service
public class SlaService {

    private final Map<String, BusinessHours> calendars;

    SlaService(SlaCalendars calendars) {
        this.calendars = calendars.calendars() == null ? Map.of() : calendars.calendars();
    }

    public SlaDeadlines deadlines(Instant start, String responseDue, String resolutionDue, String calendar) {
        return new SlaDeadlines(dueAt(start, Duration.parse(responseDue), calendar),
                dueAt(start, Duration.parse(resolutionDue), calendar));
    }

    /** The instant at which {@code target} of working time has passed since {@code start} in the calendar. */
    public Instant dueAt(Instant start, Duration target, String calendar) {
        if (calendar == null || SlaCalendars.ALWAYS.equals(calendar)) {
            return start.plus(target);
        }
        BusinessHours hours = calendars.get(calendar);
        if (hours == null) {
            throw new IllegalArgumentException("Unknown SLA calendar '" + calendar + "'; configured: "
                    + calendars.keySet() + " and " + SlaCalendars.ALWAYS);
        }
        return addWorkingTime(start, target, hours);
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

    public record SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt) {
    }
}
