package org.opsbench.incidents.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.opsbench.incidents.BusinessCalendar;

/**
 * Business-time arithmetic on a {@link BusinessCalendar}: how much working time lies between two instants, and which
 * instant lies a working duration after another. Pure logic.
 */
public final class BusinessTime {

    // ten years of days: a target longer than that is a configuration error, not a deadline
    private static final int MAX_DAYS = 3660;

    private final BusinessCalendar calendar;

    /** On {@code calendar}. */
    public BusinessTime(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** The calendar. */
    public BusinessCalendar calendar() {
        return calendar;
    }

    private Instant windowStart(LocalDate date) {
        return date.atTime(calendar.start()).atZone(calendar.zone()).toInstant();
    }

    private Instant windowEnd(LocalDate date) {
        // LocalTime.MAX means "to midnight", so that an around-the-clock calendar has no gap at night
        return calendar.end().equals(LocalTime.MAX)
                ? date.plusDays(1).atStartOfDay(calendar.zone()).toInstant()
                : date.atTime(calendar.end()).atZone(calendar.zone()).toInstant();
    }

    /** Working time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate date = from.atZone(calendar.zone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        long millis = 0;
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            if (!calendar.isWorkingDay(date)) {
                continue;
            }
            Instant a = max(windowStart(date), from);
            Instant b = min(windowEnd(date), to);
            if (b.isAfter(a)) {
                millis += Duration.between(a, b).toMillis();
            }
        }
        return Duration.ofMillis(millis);
    }

    /** The instant {@code work} of working time after {@code from} (the start of the next working hours for zero). */
    public Instant plus(Instant from, Duration work) {
        long remaining = work.toMillis();
        LocalDate date = from.atZone(calendar.zone()).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (!calendar.isWorkingDay(date)) {
                continue;
            }
            Instant a = max(windowStart(date), from);
            Instant b = windowEnd(date);
            if (!b.isAfter(a)) {
                continue;
            }
            long available = Duration.between(a, b).toMillis();
            if (remaining < available || (remaining == available && remaining > 0)) {
                return a.plusMillis(remaining);
            }
            remaining -= available;
        }
        throw new IllegalArgumentException("no deadline within " + MAX_DAYS + " days on this calendar for " + work);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
