package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.backup.Retention;
import org.opsbench.backup.internal.schedule.RetentionPlan;
import org.opsbench.backup.internal.schedule.RetentionPlan.Archive;

/** Keep-last-N and grandfather–father–son retention as pure rules. */
class RetentionPlanTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    /** One archive a day at 02:00 through 2025; id = day of year. */
    private static List<Archive> year() {
        List<Archive> all = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            all.add(new Archive(d.getDayOfYear(), d.atTime(2, 0).toInstant(ZoneOffset.UTC)));
        }
        return all;
    }

    private static Set<String> dates(Set<Long> ids) {
        return ids.stream().map(id -> LocalDate.ofYearDay(2025, id.intValue()).toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static final Set<String> EXPECTED = new TreeSet<>(List.of(
            // monthly: the last archive of Jan..Nov (December's is in the daily set)
            "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31",
            "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30",
            // weekly: ISO weeks 2025-W50 (Sun 14th), W51 (Sun 21st); W52 (Sun 28th) and 2026-W01 (Wed 31st) overlap daily
            "2025-12-14", "2025-12-21",
            // daily 7 (covers keep-last 3 and yearly 1)
            "2025-12-25", "2025-12-26", "2025-12-27", "2025-12-28", "2025-12-29", "2025-12-30", "2025-12-31"));

    @Test
    void gfsOverASimulatedYearKeepsExactlyTheRightSet() {
        Retention gfs = new Retention(3, 7, 4, 12, 1);

        assertEquals(EXPECTED, dates(RetentionPlan.keep(year(), gfs, UTC)));
    }

    @Test
    void pruningAfterEveryRunOfTheYearEndsWithTheSameSet() {
        Retention gfs = new Retention(3, 7, 4, 12, 1);
        List<Archive> stored = new ArrayList<>();
        for (Archive a : year()) {
            stored.add(a);
            Set<Long> keep = RetentionPlan.keep(stored, gfs, UTC);
            stored.removeIf(s -> !keep.contains(s.id()));
        }
        assertEquals(EXPECTED, dates(stored.stream().map(Archive::id).collect(Collectors.toSet())));
    }

    @Test
    void keepLastKeepsTheNewestN() {
        assertEquals(Set.of(365L, 364L, 363L, 362L, 361L), RetentionPlan.keep(year(), new Retention(5, 0, 0, 0, 0),
                UTC));
    }

    @Test
    void periodsAreCountedInTheJobsTimeZone() {
        // 23:30 UTC on Jan 1st is already Jan 2nd in Tokyo: two days there, one day in UTC
        List<Archive> two = List.of(new Archive(1, Instant.parse("2025-01-01T10:00:00Z")),
                new Archive(2, Instant.parse("2025-01-01T23:30:00Z")));
        assertEquals(Set.of(2L), RetentionPlan.keep(two, new Retention(0, 2, 0, 0, 0), UTC));
        assertEquals(Set.of(1L, 2L), RetentionPlan.keep(two, new Retention(0, 2, 0, 0, 0), ZoneId.of("Asia/Tokyo")));
    }

    @Test
    void theOnlyGoodCopyIsNeverPruned() {
        List<Archive> one = List.of(new Archive(7, Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals(Set.of(7L), RetentionPlan.keep(one, new Retention(0, 0, 0, 0, 1), UTC));
        assertEquals(Set.of(7L), RetentionPlan.keep(one, new Retention(0, 1, 0, 0, 0), UTC));
    }

    @Test
    void allZeroKeepsEverything() {
        assertEquals(365, RetentionPlan.keep(year(), Retention.KEEP_ALL, UTC).size());
    }

    @Test
    void negativeCountsAreRefusedNamingTheField() {
        assertEquals("retention.weekly", assertThrows(InvalidDefinitionException.class,
                () -> new Retention(1, 1, -1, 0, 0)).field());
    }
}
