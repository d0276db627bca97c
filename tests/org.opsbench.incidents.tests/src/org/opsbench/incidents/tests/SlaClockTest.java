package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbench.core.Priority;
import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.Sla;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.incidents.internal.sla.BusinessTime;
import org.opsbench.incidents.internal.sla.SlaClock;
import org.opsbench.incidents.internal.store.TicketRow;

/**
 * SLA clocks on a business-hours calendar, table-driven: Europe/Berlin, Monday to Friday 08:00-18:00, Christmas Day
 * 2026 (a Friday) a holiday. 2026-12-01 is a Tuesday.
 */
class SlaClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar OFFICE = new BusinessCalendar(BERLIN,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.of(2026, 12, 25)));
    private static final BusinessTime TIME = new BusinessTime(OFFICE);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} = {2} ({3})")
    @CsvSource({
            "2026-12-01T09:00, PT4H, 2026-12-01T13:00, within one day",
            "2026-12-01T16:00, PT4H, 2026-12-02T10:00, across the night",
            "2026-12-01T07:00, PT10H, 2026-12-01T18:00, a whole day ends at closing time",
            "2026-12-01T20:00, PT30M, 2026-12-02T08:30, started after hours",
            "2026-12-04T17:00, PT2H, 2026-12-07T09:00, across the weekend",
            "2026-12-05T10:00, PT1H, 2026-12-07T09:00, started on a Saturday",
            "2026-12-24T17:00, PT3H, 2026-12-28T10:00, across a holiday and the weekend",
            "2026-12-01T09:00, PT50H, 2026-12-08T09:00, a working week"})
    void deadlinesSkipNightsWeekendsAndHolidays(String start, Duration work, String expected, String why) {
        assertEquals(at(expected), TIME.plus(at(start), work), why);
    }

    @ParameterizedTest(name = "{0} .. {1} = {2} ({3})")
    @CsvSource({
            "2026-12-01T09:00, 2026-12-01T13:00, PT4H, within one day",
            "2026-12-01T16:00, 2026-12-02T10:00, PT4H, across the night",
            "2026-12-04T17:00, 2026-12-07T09:00, PT2H, across the weekend",
            "2026-12-24T17:00, 2026-12-28T10:00, PT3H, across a holiday and the weekend",
            "2026-12-05T10:00, 2026-12-06T20:00, PT0S, only weekend",
            "2026-12-07T00:00, 2026-12-14T00:00, PT50H, a calendar week",
            "2026-12-02T10:00, 2026-12-01T10:00, PT0S, reversed"})
    void workingTimeBetweenCountsOnlyOpeningHours(String from, String to, Duration expected, String why) {
        assertEquals(expected, TIME.between(at(from), at(to)), why);
    }

    @Test
    void aroundTheClockCalendarHasNoGaps() {
        BusinessTime always = new BusinessTime(BusinessCalendar.always(BERLIN));
        assertEquals(at("2026-12-06T03:00"), always.plus(at("2026-12-05T22:00"), Duration.ofHours(5)));
        assertEquals(Duration.ofHours(48), always.between(at("2026-12-05T00:00"), at("2026-12-07T00:00")));
    }

    private static TicketRow ticket(String created, Duration resolution) {
        TicketRow t = new TicketRow();
        t.reference = "INC-999999";
        t.priority = Priority.P3;
        t.created = at(created).toEpochMilli();
        SlaClock.apply(t, Optional.of(new SlaPolicy("test", Priority.P3, null, Duration.ofHours(1), resolution, 80,
                null)), TIME);
        return t;
    }

    /** created, target, pending from, pending until, expected deadline, expected warning time. */
    @ParameterizedTest(name = "pending {2} .. {3}: due {4}")
    @CsvSource({
            "2026-12-01T09:00, PT8H, 2026-12-01T11:00, 2026-12-03T11:00, 2026-12-03T17:00, 2026-12-03T15:24",
            "2026-12-04T16:00, PT4H, 2026-12-04T17:00, 2026-12-07T10:00, 2026-12-07T13:00, 2026-12-07T12:12",
            "2026-12-24T09:00, PT8H, 2026-12-24T10:00, 2026-12-28T09:00, 2026-12-28T16:00, 2026-12-28T14:24",
            "2026-12-01T09:00, PT8H, 2026-12-01T19:00, 2026-12-02T07:00, 2026-12-01T17:00, 2026-12-01T15:24"})
    void pendingPausesTheClockAndMovesTheDeadline(String created, Duration target, String pause, String resume,
            String due, String warn) {
        TicketRow t = ticket(created, target);
        SlaClock.pause(t, at(pause));
        assertNull(t.resolutionDue, "no deadline while paused");
        assertTrue(SlaClock.view(t, at(pause).plusSeconds(3600), TIME).paused());
        SlaClock.resume(t, at(resume), TIME);
        assertEquals(at(due).toEpochMilli(), t.resolutionDue, "deadline");
        assertEquals(at(warn).toEpochMilli(), t.warnAt, "near-breach time at 80 %");
        assertEquals(target, SlaClock.used(t, at(due), TIME), "exactly the target is used at the deadline");
    }

    @Test
    void usedTimeStandsStillWhilePendingAndAfterHours() {
        TicketRow t = ticket("2026-12-04T16:00", Duration.ofHours(4));
        SlaClock.pause(t, at("2026-12-04T17:00"));
        assertEquals(Duration.ofHours(1), SlaClock.used(t, at("2026-12-07T09:00"), TIME));
        Sla sla = SlaClock.view(t, at("2026-12-07T09:00"), TIME);
        assertEquals(25, sla.percentUsed());
        SlaClock.resume(t, at("2026-12-07T10:00"), TIME);
        assertEquals(Duration.ofHours(2), SlaClock.used(t, at("2026-12-07T11:00"), TIME));
        assertEquals(Duration.ofHours(4), SlaClock.used(t, at("2026-12-07T19:00").minusSeconds(3600 * 6), TIME));
    }

    @Test
    void aCategoryPolicyWinsOverTheGeneralOne() {
        SlaPolicy general = new SlaPolicy("P2", Priority.P2, null, Duration.ofHours(2), Duration.ofHours(8), 80,
                null);
        SlaPolicy network = new SlaPolicy("P2-net", Priority.P2, "network", Duration.ofHours(1),
                Duration.ofHours(4), 80, null);
        List<SlaPolicy> all = List.of(general, network);
        assertEquals("P2-net", SlaClock.select(all, Priority.P2, "Network").orElseThrow().name());
        assertEquals("P2", SlaClock.select(all, Priority.P2, "printing").orElseThrow().name());
        assertTrue(SlaClock.select(all, Priority.P1, "network").isEmpty());
    }
}
