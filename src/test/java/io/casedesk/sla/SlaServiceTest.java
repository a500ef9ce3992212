package io.casedesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.casedesk.sla.SlaCalendars.BusinessHours;
import io.casedesk.sla.SlaService.SlaDeadlines;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlaServiceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** As casedesk.sla.calendars.business-hours in application.yaml. */
    private static final BusinessHours BUSINESS_HOURS = new BusinessHours(
            BERLIN,
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            MONDAY_TO_FRIDAY,
            List.of(
                    LocalDate.of(2026, 12, 24),
                    LocalDate.of(2026, 12, 25),
                    LocalDate.of(2026, 12, 26),
                    LocalDate.of(2026, 12, 31),
                    LocalDate.of(2027, 1, 1)));

    /** A second shape of week, in a zone whose clock changes on other dates than Berlin's. */
    private static final BusinessHours NEW_YORK_SUNDAY_TO_THURSDAY = new BusinessHours(
            ZoneId.of("America/New_York"),
            LocalTime.of(7, 30),
            LocalTime.of(19, 15),
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
            List.of(LocalDate.of(2026, 7, 2), LocalDate.of(2026, 11, 26)));

    private final SlaService sla = new SlaService(
            new SlaCalendars(Map.of("business-hours", BUSINESS_HOURS, "new-york", NEW_YORK_SUNDAY_TO_THURSDAY)));

    private Instant dueInBusinessHours(LocalDateTime startInBerlin, String target) {
        return sla.dueAt(berlin(startInBerlin), Duration.parse(target), "business-hours");
    }

    private static Instant berlin(LocalDateTime localTime) {
        return localTime.atZone(BERLIN).toInstant();
    }

    private static LocalDateTime inBerlin(Instant instant) {
        return LocalDateTime.ofInstant(instant, BERLIN);
    }

    @Nested
    class AroundTheClock {

        @Test
        void addsTheTargetPlainly() {
            Instant saturdayNight = Instant.parse("2026-06-06T23:30:00Z");

            assertThat(sla.dueAt(saturdayNight, Duration.ofHours(8), SlaCalendars.ALWAYS))
                    .isEqualTo(Instant.parse("2026-06-07T07:30:00Z"));
        }

        @Test
        void ignoresHolidaysAndTheClockChange() {
            Instant beforeTheChange = Instant.parse("2026-03-28T23:00:00Z");

            assertThat(sla.dueAt(beforeTheChange, Duration.ofHours(24), SlaCalendars.ALWAYS))
                    .isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
            assertThat(sla.dueAt(Instant.parse("2026-12-24T10:00:00Z"), Duration.ofMinutes(15), SlaCalendars.ALWAYS))
                    .isEqualTo(Instant.parse("2026-12-24T10:15:00Z"));
        }

        @Test
        void isTheDefaultWhenNoCalendarIsNamed() {
            Instant start = Instant.parse("2026-06-06T12:00:00Z");

            assertThat(sla.dueAt(start, Duration.ofMinutes(2), null)).isEqualTo(start.plusSeconds(120));
        }

        @Test
        void roundsUpToTheWholeSecond_soATimerOnMySqlNeverFiresBeforeTheDeadline() {
            Instant start = Instant.parse("2026-06-06T12:00:05.700Z");

            assertThat(sla.dueAt(start, Duration.ofSeconds(60), SlaCalendars.ALWAYS))
                    .isEqualTo(Instant.parse("2026-06-06T12:01:06Z"));
            assertThat(sla.dueAt(Instant.parse("2026-06-08T07:00:00.001Z"), Duration.ofMinutes(30), "business-hours"))
                    .as("a calendar's deadline too")
                    .isEqualTo(Instant.parse("2026-06-08T07:30:01Z"));
            assertThat(sla.schedule(start, new SlaDecision("PT90S", "PT1H", SlaCalendars.ALWAYS, 0.75, 0.9))
                            .response()
                            .firstWarningAt())
                    .as("75 % of 90 s after 12:00:05.7 is 12:01:13.2")
                    .isEqualTo(Instant.parse("2026-06-06T12:01:14Z"));
        }

        @Test
        void existsWithoutAnyConfiguredCalendar() {
            SlaService unconfigured = new SlaService(new SlaCalendars(null));
            Instant start = Instant.parse("2026-06-06T12:00:00Z");

            assertThat(unconfigured.dueAt(start, Duration.ofHours(1), "24x7")).isEqualTo(start.plusSeconds(3600));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> unconfigured.dueAt(start, Duration.ofHours(1), "business-hours"))
                    .withMessageContaining("'business-hours'");
        }
    }

    @Nested
    class BusinessHoursCalendar {

        @Test
        void p3EmailOpenedFridayEveningIsDueMondayAtClosingNotOnSaturday() {
            Instant due = dueInBusinessHours(LocalDateTime.of(2026, 6, 5, 17, 30), "PT8H");

            assertThat(inBerlin(due)).isEqualTo(LocalDateTime.of(2026, 6, 8, 17, 0));
            assertThat(inBerlin(due).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(due).isEqualTo(Instant.parse("2026-06-08T15:00:00Z"));
        }

        @Test
        void withinOneDayAddsPlainly() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 10, 15), "PT4H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 9, 14, 15));
        }

        @Test
        void startBeforeOpeningCountsFromOpening() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 7, 15), "PT1H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 9, 10, 0));
        }

        @Test
        void startExactlyAtOpeningUsesTheWholeDay() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 9, 0), "PT8H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 9, 17, 0));
        }

        @Test
        void targetEndingExactlyAtClosingIsDueAtClosingNotNextMorning() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 13, 0), "PT4H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 9, 17, 0));
        }

        @Test
        void startExactlyAtClosingCountsFromNextOpening() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 17, 0), "PT1H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 10, 10, 0));
        }

        @Test
        void startOneSecondBeforeClosingCarriesTheRestOver() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 16, 59, 59), "PT1H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 10, 9, 59, 59));
        }

        @Test
        void startOnTheWeekendCountsFromMondayOpening() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 6, 11, 0), "PT2H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 8, 11, 0));
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 7, 23, 59), "PT2H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 8, 11, 0));
        }

        @Test
        void targetSpanningSeveralDays() {
            // Monday 4 h + Tuesday 8 h + Wednesday 8 h + Thursday 4 h
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 8, 13, 0), "PT24H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 11, 13, 0));
        }

        @Test
        void targetSpanningSeveralDaysAndAWeekend() {
            // Thursday 2 h + Friday 8 h + Monday 8 h + Tuesday 6 h
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 11, 15, 0), "PT24H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 16, 15, 0));
        }

        @Test
        void targetOfSeveralWeeks() {
            // 80 h = ten full working days: from Monday 09:00 to the Friday of the following week, 17:00
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 8, 9, 0), "PT80H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 19, 17, 0));
        }

        @Test
        void christmasHolidaysAndTheWeekendDoNotCount() {
            // Wednesday 23rd 1 h; Thursday 24th, Friday 25th holidays; Saturday, Sunday; Monday 28th 3 h
            Instant due = dueInBusinessHours(LocalDateTime.of(2026, 12, 23, 16, 0), "PT4H");

            assertThat(inBerlin(due)).isEqualTo(LocalDateTime.of(2026, 12, 28, 12, 0));
            assertThat(due).isEqualTo(Instant.parse("2026-12-28T11:00:00Z"));
        }

        @Test
        void startOnAHolidayCountsFromTheNextWorkingDay() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 12, 24, 10, 0), "PT1H")))
                    .isEqualTo(LocalDateTime.of(2026, 12, 28, 10, 0));
        }

        @Test
        void newYearHolidaysAcrossTheYearBoundary() {
            // Wednesday 30th 1 h; Thursday 31st, Friday 1st holidays; the weekend; Monday 4th 1 h
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 12, 30, 16, 0), "PT2H")))
                    .isEqualTo(LocalDateTime.of(2027, 1, 4, 10, 0));
        }

        @Test
        void deadlinesComputesResponseAndResolutionInTheSameCalendar() {
            SlaDeadlines deadlines =
                    sla.deadlines(berlin(LocalDateTime.of(2026, 6, 5, 15, 0)), "PT4H", "PT24H", "business-hours");

            assertThat(inBerlin(deadlines.responseDueAt())).isEqualTo(LocalDateTime.of(2026, 6, 8, 11, 0));
            assertThat(inBerlin(deadlines.resolutionDueAt())).isEqualTo(LocalDateTime.of(2026, 6, 10, 15, 0));
        }

        @Test
        void deadlinesAroundTheClock() {
            Instant start = Instant.parse("2026-06-05T15:00:00Z");

            assertThat(sla.deadlines(start, "PT15M", "PT1H", "24x7"))
                    .isEqualTo(new SlaDeadlines(
                            Instant.parse("2026-06-05T15:15:00Z"), Instant.parse("2026-06-05T16:00:00Z")));
        }
    }

    /** Working hours are local wall-clock time: 09:00–17:00 in Berlin, summer or winter. */
    @Nested
    class ClockChange {

        @Test
        void springForwardWeekend() {
            // Friday 16:00 CET (UTC+1); Berlin moves to CEST (UTC+2) on Sunday 29 March 2026
            Instant start = Instant.parse("2026-03-27T15:00:00Z");
            assertThat(inBerlin(start)).isEqualTo(LocalDateTime.of(2026, 3, 27, 16, 0));

            Instant due = sla.dueAt(start, Duration.ofHours(2), "business-hours");

            assertThat(inBerlin(due)).isEqualTo(LocalDateTime.of(2026, 3, 30, 10, 0));
            assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        }

        @Test
        void fallBackWeekend() {
            // Friday 16:00 CEST (UTC+2); Berlin moves back to CET (UTC+1) on Sunday 25 October 2026
            Instant start = Instant.parse("2026-10-23T14:00:00Z");
            assertThat(inBerlin(start)).isEqualTo(LocalDateTime.of(2026, 10, 23, 16, 0));

            Instant due = sla.dueAt(start, Duration.ofHours(2), "business-hours");

            assertThat(inBerlin(due)).isEqualTo(LocalDateTime.of(2026, 10, 26, 10, 0));
            assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
        }

        @Test
        void aFullWeekAcrossTheChangeStillHasFortyHours() {
            // Monday 23 March 09:00 CET + 40 h = Friday 27 March 17:00 CET, then a week in CEST
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 3, 23, 9, 0), "PT80H")))
                    .isEqualTo(LocalDateTime.of(2026, 4, 3, 17, 0));
        }

        @Test
        void aWindowContainingTheChangeHoldsTheHoursThatReallyPass() {
            // 01:00–05:00 on the Sunday of the spring change is 3 real hours: 02:00–03:00 does not exist
            SlaService nightShift = new SlaService(new SlaCalendars(Map.of(
                    "night",
                    new BusinessHours(
                            BERLIN, LocalTime.of(1, 0), LocalTime.of(5, 0), EnumSet.of(DayOfWeek.SUNDAY), List.of()))));
            Instant start = berlin(LocalDateTime.of(2026, 3, 29, 1, 0));

            assertThat(nightShift.dueAt(start, Duration.ofHours(3), "night"))
                    .isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
            assertThat(inBerlin(nightShift.dueAt(start, Duration.ofHours(3), "night")))
                    .isEqualTo(LocalDateTime.of(2026, 3, 29, 5, 0));
        }
    }

    @Nested
    class Midnight {

        @Test
        void startAtLocalMidnightCountsFromOpening() {
            assertThat(inBerlin(dueInBusinessHours(LocalDateTime.of(2026, 6, 9, 0, 0), "PT1H")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 9, 10, 0));
        }

        @Test
        void theLocalDayDecidesNotTheUtcDay() {
            // Friday 22:30 UTC is already Saturday 00:30 in Berlin
            assertThat(inBerlin(
                            sla.dueAt(Instant.parse("2026-06-05T22:30:00Z"), Duration.ofHours(1), "business-hours")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 8, 10, 0));
            // Sunday 23:30 UTC is already Monday 01:30 in Berlin
            assertThat(inBerlin(
                            sla.dueAt(Instant.parse("2026-06-07T23:30:00Z"), Duration.ofHours(1), "business-hours")))
                    .isEqualTo(LocalDateTime.of(2026, 6, 8, 10, 0));
        }

        @Test
        void aDayThatRunsUpToMidnightCarriesOverToTheNextWorkingDay() {
            SlaService lateShift = new SlaService(new SlaCalendars(Map.of(
                    "late",
                    new BusinessHours(BERLIN, LocalTime.MIDNIGHT, LocalTime.of(23, 59), MONDAY_TO_FRIDAY, List.of()))));

            Instant due = lateShift.dueAt(berlin(LocalDateTime.of(2026, 6, 5, 23, 30)), Duration.ofHours(1), "late");

            // Friday 23:30–23:59 is 29 min, the other 31 min from Monday 00:00
            assertThat(inBerlin(due)).isEqualTo(LocalDateTime.of(2026, 6, 8, 0, 31));
        }
    }

    @Nested
    class Configuration {

        @Test
        void unknownCalendarIsRejectedByName() {
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> sla.dueAt(Instant.parse("2026-06-05T10:00:00Z"), Duration.ofHours(1), "night-shift"))
                    .withMessageContaining("'night-shift'")
                    .withMessageContaining("business-hours")
                    .withMessageContaining("24x7");
        }

        @Test
        void unknownCalendarIsRejectedByDeadlinesToo() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            sla.deadlines(Instant.parse("2026-06-05T10:00:00Z"), "PT1H", "PT4H", "Business-Hours"))
                    .withMessageContaining("'Business-Hours'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"17:00", "17:30"})
        void aDayMustOpenBeforeItCloses(String opens) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new BusinessHours(
                            BERLIN, LocalTime.parse(opens), LocalTime.of(17, 0), MONDAY_TO_FRIDAY, List.of()))
                    .withMessageContaining("open before it closes");
        }

        @Test
        void aCalendarNeedsWorkingDays() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            new BusinessHours(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(), List.of()))
                    .withMessageContaining("at least one working day");
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> new BusinessHours(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), null, List.of()))
                    .withMessageContaining("at least one working day");
        }

        @Test
        void holidaysAreOptional() {
            BusinessHours noHolidays =
                    new BusinessHours(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), MONDAY_TO_FRIDAY, null);

            assertThat(noHolidays.holidays()).isEmpty();
            SlaService service = new SlaService(new SlaCalendars(Map.of("office", noHolidays)));
            assertThat(inBerlin(service.dueAt(
                            berlin(LocalDateTime.of(2026, 12, 24, 16, 0)), Duration.ofHours(2), "office")))
                    .isEqualTo(LocalDateTime.of(2026, 12, 25, 10, 0));
        }
    }

    /**
     * For random starts and targets, the working time between start and due, summed day by day in each
     * calendar's local time, is the target, and the due time lies inside a working window.
     */
    @Nested
    class Property {

        private static final Instant FROM = Instant.parse("2025-12-15T00:00:00Z");
        private static final long SPAN_SECONDS = Duration.ofDays(400).toSeconds();

        @Test
        void workingTimeBetweenStartAndDueIsTheTarget() {
            Random random = new Random(20260329L);
            Map<String, BusinessHours> calendars =
                    Map.of("business-hours", BUSINESS_HOURS, "new-york", NEW_YORK_SUNDAY_TO_THURSDAY);
            List<String> names = List.copyOf(calendars.keySet());

            for (int i = 0; i < 5_000; i++) {
                String name = names.get(random.nextInt(names.size()));
                BusinessHours hours = calendars.get(name);
                Instant start = FROM.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
                if (random.nextInt(4) == 0) {
                    // a quarter of the starts on a window boundary, where off-by-one mistakes live
                    LocalDate day = start.atZone(hours.zone()).toLocalDate();
                    start = day.atTime(random.nextBoolean() ? hours.opens() : hours.closes())
                            .atZone(hours.zone())
                            .toInstant();
                }
                Duration target =
                        Duration.ofMinutes(1 + random.nextInt(60 * 60)).plusSeconds(random.nextInt(60));

                Instant due = sla.dueAt(start, target, name);

                String example =
                        name + " from " + start + " (" + start.atZone(hours.zone()) + ") + " + target + " -> " + due;
                assertThat(due).as(example).isAfter(start);
                assertThat(workingTimeBetween(start, due, hours)).as(example).isEqualTo(target);
                assertThat(isInsideAWorkingWindow(due, hours)).as(example).isTrue();
            }
        }

        private static Duration workingTimeBetween(Instant start, Instant end, BusinessHours hours) {
            Duration sum = Duration.ZERO;
            LocalDate last = end.atZone(hours.zone()).toLocalDate();
            for (LocalDate day = start.atZone(hours.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                if (!hours.days().contains(day.getDayOfWeek())
                        || hours.holidays().contains(day)) {
                    continue;
                }
                Instant opens =
                        ZonedDateTime.of(day, hours.opens(), hours.zone()).toInstant();
                Instant closes =
                        ZonedDateTime.of(day, hours.closes(), hours.zone()).toInstant();
                Instant from = opens.isAfter(start) ? opens : start;
                Instant to = closes.isBefore(end) ? closes : end;
                if (from.isBefore(to)) {
                    sum = sum.plus(Duration.between(from, to));
                }
            }
            return sum;
        }

        private static boolean isInsideAWorkingWindow(Instant instant, BusinessHours hours) {
            ZonedDateTime local = instant.atZone(hours.zone());
            LocalDate day = local.toLocalDate();
            return hours.days().contains(day.getDayOfWeek())
                    && !hours.holidays().contains(day)
                    && local.toLocalTime().isAfter(hours.opens())
                    && !local.toLocalTime().isAfter(hours.closes());
        }
    }

    @Nested
    class Schedule {

        private final Instant start = Instant.parse("2026-06-08T08:00:00Z");

        @Test
        void warnsAtTheSharesTheTableDecided() {
            SlaSchedule schedule = sla.schedule(start, new SlaDecision("PT1H", "PT4H", SlaCalendars.ALWAYS, 0.5, 0.8));

            assertThat(schedule.startedAt()).isEqualTo(start);
            assertThat(schedule.response())
                    .isEqualTo(new SlaSchedule.Deadline(
                            Duration.ofHours(1),
                            start.plus(Duration.ofHours(1)),
                            start.plus(Duration.ofMinutes(30)),
                            start.plus(Duration.ofMinutes(48))));
            assertThat(schedule.resolution())
                    .isEqualTo(new SlaSchedule.Deadline(
                            Duration.ofHours(4),
                            start.plus(Duration.ofHours(4)),
                            start.plus(Duration.ofHours(2)),
                            start.plus(Duration.ofMinutes(192))));
        }

        @ParameterizedTest
        @ValueSource(doubles = {0, 1, -0.5, 1.5})
        void fallsBackTo75And90PercentWhereTheTableGivesNoShareBetweenZeroAndOne(double share) {
            for (SlaDecision decision : List.of(
                    new SlaDecision("PT1H", "PT1H", null, null, null),
                    new SlaDecision("PT1H", "PT1H", null, share, share))) {
                SlaSchedule.Deadline response = sla.schedule(start, decision).response();

                assertThat(response.firstWarningAt())
                        .as(decision.toString())
                        .isEqualTo(start.plus(Duration.ofMinutes(45)));
                assertThat(response.finalWarningAt())
                        .as(decision.toString())
                        .isEqualTo(start.plus(Duration.ofMinutes(54)));
            }
        }

        @Test
        void warnsInWorkingTimeOfTheCalendar() {
            // Friday 16:00 in Berlin, 4 working hours: the warnings and the deadline fall on Monday
            Instant friday = berlin(LocalDateTime.of(2026, 6, 5, 16, 0));
            SlaSchedule.Deadline resolution = sla.schedule(
                            friday, new SlaDecision("PT1H", "PT4H", "business-hours", 0.75, 0.9))
                    .resolution();

            assertThat(inBerlin(resolution.firstWarningAt())).isEqualTo(LocalDateTime.of(2026, 6, 8, 11, 0));
            assertThat(inBerlin(resolution.finalWarningAt())).isEqualTo(LocalDateTime.of(2026, 6, 8, 11, 36));
            assertThat(inBerlin(resolution.dueAt())).isEqualTo(LocalDateTime.of(2026, 6, 8, 12, 0));
        }
    }
}
