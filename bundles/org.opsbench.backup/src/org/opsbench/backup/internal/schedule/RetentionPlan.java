package org.opsbench.backup.internal.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.opsbench.backup.Retention;

/**
 * Which archives a {@link Retention} keeps. Pure: archives in, the ids to keep out. The newest archive of each of the
 * last N periods (days, ISO weeks, months, years, in the job's zone) that have one is kept, as is the newest
 * {@code keepLast}; an archive kept by any rule is kept; the newest archive is always kept, so the only good copy is
 * never pruned.
 */
public final class RetentionPlan {

    /** A good archive: its run id and when it was taken. */
    public record Archive(long id, Instant time) {
    }

    private RetentionPlan() {
    }

    /** The ids of {@code archives} that {@code retention} keeps. */
    public static Set<Long> keep(List<Archive> archives, Retention retention, ZoneId zone) {
        List<Archive> newestFirst = new ArrayList<>(archives);
        newestFirst.sort(Comparator.comparing(Archive::time).reversed().thenComparing(Archive::id,
                Comparator.reverseOrder()));
        Set<Long> keep = new LinkedHashSet<>();
        if (newestFirst.isEmpty()) {
            return keep;
        }
        if (retention.keepsAll()) {
            newestFirst.forEach(a -> keep.add(a.id()));
            return keep;
        }
        keep.add(newestFirst.get(0).id());
        for (int i = 0; i < Math.min(retention.keepLast(), newestFirst.size()); i++) {
            keep.add(newestFirst.get(i).id());
        }
        period(newestFirst, retention.daily(), keep, t -> t.atZone(zone).toLocalDate());
        period(newestFirst, retention.weekly(), keep, t -> {
            ZonedDateTime z = t.atZone(zone);
            return z.get(IsoFields.WEEK_BASED_YEAR) * 100 + z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        });
        period(newestFirst, retention.monthly(), keep, t -> {
            ZonedDateTime z = t.atZone(zone);
            return z.getYear() * 100 + z.getMonthValue();
        });
        period(newestFirst, retention.yearly(), keep, t -> t.atZone(zone).getYear());
        return keep;
    }

    private static void period(List<Archive> newestFirst, int count, Set<Long> keep,
            Function<Instant, Object> periodOf) {
        Set<Object> seen = new HashSet<>();
        for (Archive a : newestFirst) {
            if (seen.size() >= count) {
                return;
            }
            if (seen.add(periodOf.apply(a.time()))) {
                keep.add(a.id());
            }
        }
    }
}
