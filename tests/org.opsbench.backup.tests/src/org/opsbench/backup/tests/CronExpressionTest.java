package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opsbench.backup.CronExpression;

/** The five-field cron parser: fields, ranges, steps, lists, names, time zones and daylight saving. */
class CronExpressionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String iso, ZoneId zone) {
        return java.time.LocalDateTime.parse(iso).atZone(zone).toInstant();
    }

    private static List<String> next(String cron, String from, ZoneId zone, int n) {
        return CronExpression.parse(cron).nextTimes(at(from, zone), zone, n).stream()
                .map(t -> ZonedDateTime.ofInstant(t, zone).toLocalDateTime().toString() + " "
                        + ZonedDateTime.ofInstant(t, zone).getOffset())
                .toList();
    }

    @Test
    void dailyAtAFixedTimeFiresOnceADay() {
        assertEquals(List.of("2026-03-01T02:30 Z", "2026-03-02T02:30 Z", "2026-03-03T02:30 Z"),
                next("30 2 * * *", "2026-02-28T23:00", UTC, 3));
    }

    @Test
    void stepsRangesAndListsCombine() {
        assertEquals(List.of("2026-01-05T09:00 Z", "2026-01-05T09:20 Z", "2026-01-05T09:40 Z", "2026-01-05T17:00 Z",
                "2026-01-05T17:20 Z"), next("*/20 9,17 * * MON-FRI", "2026-01-03T00:00", UTC, 5));
        assertEquals(List.of("2026-01-01T00:05 Z", "2026-01-01T00:20 Z", "2026-01-01T00:35 Z", "2026-01-01T00:50 Z",
                "2026-01-01T01:05 Z"), next("5/15 * * * *", "2025-12-31T23:59", UTC, 5));
        assertEquals(List.of("2026-01-01T10:00 Z", "2026-01-01T12:00 Z", "2026-01-01T14:00 Z",
                "2026-01-02T10:00 Z"), next("0 10-14/2 * * *", "2026-01-01T00:00", UTC, 4));
    }

    @Test
    void monthAndDayNamesAndSundayAsZeroOrSeven() {
        assertEquals(next("0 0 * * 0", "2026-01-01T00:00", UTC, 3), next("0 0 * * 7", "2026-01-01T00:00", UTC, 3));
        assertEquals(next("0 0 * * SUN", "2026-01-01T00:00", UTC, 3), next("0 0 * * 0", "2026-01-01T00:00", UTC, 3));
        assertEquals(List.of("2026-06-01T00:00 Z", "2026-12-01T00:00 Z", "2027-06-01T00:00 Z"),
                next("0 0 1 jun,DEC *", "2026-01-01T00:00", UTC, 3));
    }

    @Test
    void dayOfMonthOrDayOfWeekWhenBothAreRestricted() {
        // the 13th, and every Friday (Vixie cron)
        assertEquals(List.of("2026-02-06T00:00 Z", "2026-02-13T00:00 Z", "2026-02-20T00:00 Z",
                "2026-02-27T00:00 Z", "2026-03-06T00:00 Z", "2026-03-13T00:00 Z"),
                next("0 0 13 * FRI", "2026-02-01T00:00", UTC, 6));
    }

    @Test
    void theThirtyFirstSkipsShortMonthsAndLeapDayWaitsForALeapYear() {
        assertEquals(List.of("2026-01-31T00:00 Z", "2026-03-31T00:00 Z", "2026-05-31T00:00 Z"),
                next("0 0 31 * *", "2026-01-01T00:00", UTC, 3));
        assertEquals(List.of("2028-02-29T00:00 Z", "2032-02-29T00:00 Z"),
                next("0 0 29 2 *", "2026-01-01T00:00", UTC, 2));
    }

    @Test
    void shortcutsExpand() {
        assertEquals(next("0 0 * * *", "2026-01-01T10:00", UTC, 2), next("@daily", "2026-01-01T10:00", UTC, 2));
        assertEquals(next("0 * * * *", "2026-01-01T10:00", UTC, 2), next("@hourly", "2026-01-01T10:00", UTC, 2));
    }

    @Test
    void theTimeZoneDecidesTheInstant() {
        Instant berlin = CronExpression.parse("0 3 * * *").next(at("2026-07-01T00:00", UTC), BERLIN);
        assertEquals(Instant.parse("2026-07-01T01:00:00Z"), berlin, "03:00 CEST is 01:00 UTC");
    }

    @Test
    void aTimeInTheSpringForwardGapFiresOnceRightAfterTheGap() {
        // 2026-03-29: Berlin skips 02:00-03:00
        assertEquals(List.of("2026-03-28T02:30 +01:00", "2026-03-29T03:00 +02:00", "2026-03-30T02:30 +02:00"),
                next("30 2 * * *", "2026-03-28T00:00", BERLIN, 3));
        // every quarter hour in the gap lands on 03:00: it fires once there, then continues
        assertEquals(List.of("2026-03-29T01:45 +01:00", "2026-03-29T03:00 +02:00", "2026-03-29T03:15 +02:00"),
                next("*/15 1-3 * * *", "2026-03-29T01:40", BERLIN, 3));
    }

    @Test
    void aTimeInTheFallBackOverlapFiresOnceAtItsFirstOccurrence() {
        // 2026-10-25: Berlin has 02:00-03:00 twice
        assertEquals(List.of("2026-10-24T02:30 +02:00", "2026-10-25T02:30 +02:00", "2026-10-26T02:30 +01:00"),
                next("30 2 * * *", "2026-10-24T00:00", BERLIN, 3));
    }

    @Test
    void nextFiveTimesAreStrictlyIncreasing() {
        List<Instant> times = CronExpression.parse("*/7 * * * *").nextTimes(Instant.parse("2026-05-05T10:00:00Z"),
                BERLIN, 5);
        assertEquals(5, times.size());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i).isAfter(times.get(i - 1)));
        }
    }

    @Test
    void errorsNameTheFieldAndThePart() {
        assertEquals("hour: 24 is not within 0-23",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 24 * * *")).getMessage());
        assertEquals("minute: 'x' is not a number",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("x * * * *")).getMessage());
        assertEquals("month: 'FOO' is not a number or name",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 1 FOO *")).getMessage());
        assertEquals("day of month: range 20-10 ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 20-10 * *"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 * *")).getMessage()
                .contains("five fields"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("0 0 30 2 *"))
                .getMessage().startsWith("day of month:"));
    }
}
