package org.opsbench.incidents;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * When SLA clocks run: working days, daily working hours and holidays, in a time zone. Outside these hours the clocks
 * stand still.
 *
 * @param zone
 *            the time zone of the hours and holidays
 * @param workingDays
 *            the days of the week with working hours, at least one
 * @param start
 *            start of the working hours each working day
 * @param end
 *            end of the working hours, after {@code start}
 * @param holidays
 *            dates without working hours
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime start, LocalTime end,
        Set<LocalDate> holidays) {

    /** Validates and copies. */
    public BusinessCalendar {
        if (zone == null) {
            throw new InvalidTicketException("zone", "a time zone is required");
        }
        if (workingDays == null || workingDays.isEmpty()) {
            throw new InvalidTicketException("workingDays", "at least one working day is required");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidTicketException("hours", "the end must be after the start, was " + start + "-" + end);
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Monday to Friday, 08:00 to 18:00, no holidays, in {@code zone}. */
    public static BusinessCalendar officeHours(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(18, 0), Set.of());
    }

    /** Around the clock, every day (for P1 policies that run 24/7). */
    public static BusinessCalendar always(ZoneId zone) {
        return new BusinessCalendar(zone, EnumSet.allOf(DayOfWeek.class), LocalTime.MIN, LocalTime.MAX, Set.of());
    }

    /** Whether {@code date} has working hours. */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** A copy with {@code more} holidays. */
    public BusinessCalendar withHolidays(LocalDate... more) {
        Set<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(Set.of(more));
        return new BusinessCalendar(zone, workingDays, start, end, all);
    }
}
