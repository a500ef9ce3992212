package io.casedesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SLA calendars process owners configure (casedesk.sla.calendars); `24x7` always exists.
 * A business-hours calendar has a time zone, opening hours per weekday and holidays.
 *
 * @param calendars the business-hours calendars sla-targets may name, by name (besides 24x7)
 */
@ConfigurationProperties("casedesk.sla")
public record SlaCalendars(Map<String, BusinessHours> calendars) {

    public static final String ALWAYS = "24x7";

    public record BusinessHours(
            ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days, List<LocalDate> holidays) {

        public BusinessHours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("a business day must open before it closes");
            }
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("a business-hours calendar needs at least one working day");
            }
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }
    }
}
