package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;
import org.opsbench.workbench.internal.chart.Ticks;

/** The scale math of the time-series chart: nice value steps, round local time ticks, labels. Plain JUnit. */
class ChartTicksTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void valueStepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(20, Ticks.niceStep(100, 5), 1e-12);
        assertEquals(20, Ticks.niceStep(97, 5), 1e-12);
        assertEquals(0.25, Ticks.niceStep(1, 4), 1e-12);
        assertEquals(2.5, Ticks.niceStep(10, 4), 1e-12);
        assertEquals(0.1, Ticks.niceStep(0.7, 7), 1e-12);
        assertEquals(500_000, Ticks.niceStep(3_000_000, 6), 1e-6);
        assertEquals(1, Ticks.niceStep(0, 5), 1e-12, "no span: a unit step");
    }

    @Test
    void valueAxisCoversTheDataWithRoundBoundsAndExactTicks() {
        Ticks.ValueAxis a = Ticks.values(0, 97, 5);
        assertEquals(0, a.lower());
        assertEquals(100, a.upper());
        assertArrayEquals(new double[]{0, 20, 40, 60, 80, 100}, a.ticks(), 1e-12);

        Ticks.ValueAxis small = Ticks.values(0.12, 0.87, 4);
        assertArrayEquals(new double[]{0, 0.2, 0.4, 0.6, 0.8, 1.0}, small.ticks(), 0);
        assertEquals("0.6", small.label(0.6), "no 0.6000000000000001 in labels");

        Ticks.ValueAxis negative = Ticks.values(-3, 7, 5);
        assertArrayEquals(new double[]{-4, -2, 0, 2, 4, 6, 8}, negative.ticks(), 1e-12);
        assertEquals("0", negative.label(0));
    }

    @Test
    void aFlatSeriesOrNoDataStillGetsAnAxis() {
        Ticks.ValueAxis flat = Ticks.values(5, 5, 4);
        assertEquals(0, flat.lower());
        assertEquals(10, flat.upper());
        assertTrue(flat.ticks().length >= 3);
        Ticks.ValueAxis zero = Ticks.values(0, 0, 4);
        assertEquals(0, zero.lower());
        assertEquals(1, zero.upper());
        Ticks.ValueAxis none = Ticks.values(Double.NaN, Double.NaN, 4);
        assertEquals(0, none.lower());
        assertEquals(1, none.upper());
        Ticks.ValueAxis below = Ticks.values(-2, -2, 4);
        assertEquals(-4, below.lower());
        assertEquals(0, below.upper());
    }

    @Test
    void labelsShowWhatTheStepNeedsAndSiPrefixesForLargeValues() {
        assertEquals("0.25", Ticks.formatValue(0.25, 0.25, 1));
        assertEquals("2.5", Ticks.formatValue(2.5, 2.5, 10));
        assertEquals("20", Ticks.formatValue(20, 5, 100));
        assertEquals("1.5M", Ticks.formatValue(1_500_000, 500_000, 3_000_000));
        assertEquals("12k", Ticks.formatValue(12_000, 2_000, 12_000));
        assertEquals("9000", Ticks.formatValue(9_000, 1_000, 9_000), "below 10,000 without prefix");
        assertEquals("0.0", Ticks.formatValue(-0.0001, 0.5, 2), "no negative zero");
    }

    @Test
    void timeStepsGiveAtMostTheTicksAsked() {
        assertEquals(Duration.ofMinutes(10).toMillis(), Ticks.timeStep(Duration.ofHours(1).toMillis(), 10));
        assertEquals(Duration.ofHours(1).toMillis(), Ticks.timeStep(Duration.ofHours(6).toMillis(), 8));
        assertEquals(Duration.ofHours(3).toMillis(), Ticks.timeStep(Duration.ofHours(24).toMillis(), 8));
        assertEquals(Duration.ofDays(1).toMillis(), Ticks.timeStep(Duration.ofDays(7).toMillis(), 8));
        assertEquals(Duration.ofDays(7).toMillis(), Ticks.timeStep(Duration.ofDays(30).toMillis(), 8));
        assertEquals(Duration.ofSeconds(10).toMillis(), Ticks.timeStep(Duration.ofMinutes(1).toMillis(), 6));
    }

    @Test
    void anHourHasTicksOnRoundTenMinutes() {
        long from = Instant.parse("2026-11-30T10:07:00Z").toEpochMilli();
        long to = Instant.parse("2026-11-30T11:07:00Z").toEpochMilli();
        Ticks.TimeAxis axis = Ticks.time(from, to, 10, UTC);
        assertArrayEquals(new String[]{"10:10", "10:20", "10:30", "10:40", "10:50", "11:00"}, axis.labels());
        assertEquals(Instant.parse("2026-11-30T10:10:00Z").toEpochMilli(), axis.ticks()[0]);
    }

    @Test
    void aDayHasTicksOnLocalHoursDividingTheDayAndTheDateAtMidnight() {
        long to = ZonedDateTime.of(2026, 12, 1, 7, 40, 0, 0, BERLIN).toInstant().toEpochMilli();
        long from = to - Duration.ofDays(1).toMillis();
        Ticks.TimeAxis axis = Ticks.time(from, to, 8, BERLIN);
        assertEquals(Duration.ofHours(3).toMillis(), axis.step());
        assertEquals(8, axis.ticks().length);
        for (int i = 0; i < axis.ticks().length; i++) {
            ZonedDateTime t = Instant.ofEpochMilli(axis.ticks()[i]).atZone(BERLIN);
            assertEquals(0, t.getHour() % 3, "local hour " + t);
            assertEquals(0, t.getMinute());
            if (t.getHour() == 0) {
                assertEquals(Ticks.timeLabel(axis.ticks()[i], axis.step(), BERLIN), axis.labels()[i]);
                assertTrue(axis.labels()[i].startsWith("1 "), "midnight shows the date: " + axis.labels()[i]);
            } else {
                assertEquals(String.format("%02d:00", t.getHour()), axis.labels()[i]);
            }
        }
    }

    @Test
    void ticksStayOnRoundLocalTimesAcrossADaylightSavingChange() {
        // Europe/Berlin skips 02:00-03:00 on 29 March 2026
        long from = ZonedDateTime.of(2026, 3, 28, 22, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
        long to = ZonedDateTime.of(2026, 3, 29, 10, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
        Ticks.TimeAxis axis = Ticks.time(from, to, 6, BERLIN);
        assertEquals(Duration.ofHours(2).toMillis(), axis.step());
        long previous = Long.MIN_VALUE;
        for (long t : axis.ticks()) {
            assertTrue(t > previous, "ascending, no duplicate");
            previous = t;
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(t), BERLIN);
            assertEquals(0, local.getMinute());
        }
    }

    @Test
    void aMonthHasWeeklyTicksOnMondayMidnights() {
        long from = ZonedDateTime.of(2026, 11, 1, 12, 0, 0, 0, BERLIN).toInstant().toEpochMilli();
        long to = from + Duration.ofDays(30).toMillis();
        Ticks.TimeAxis axis = Ticks.time(from, to, 8, BERLIN);
        assertEquals(Duration.ofDays(7).toMillis(), axis.step());
        assertEquals(5, axis.ticks().length, "2, 9, 16, 23 and 30 November");
        for (long t : axis.ticks()) {
            ZonedDateTime z = Instant.ofEpochMilli(t).atZone(BERLIN);
            assertEquals(DayOfWeek.MONDAY, z.getDayOfWeek());
            assertEquals(0, z.getHour());
        }
    }

    @Test
    void secondStepsShowSeconds() {
        long from = Instant.parse("2026-11-30T10:00:03Z").toEpochMilli();
        Ticks.TimeAxis axis = Ticks.time(from, from + 60_000, 6, UTC);
        assertEquals("10:00:10", axis.labels()[0]);
        assertEquals(6, axis.ticks().length);
    }
}
