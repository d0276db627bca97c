package org.opsbench.backup.internal.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.opsbench.backup.CronExpression;

/**
 * Missed schedules: after downtime a job whose last slot passed unrun is run once at start (a catch-up), not once per
 * missed slot. Pure.
 */
public final class CatchUp {

    /** Slots counted at most, for the log. */
    public static final int COUNT_LIMIT = 10_000;

    /**
     * Slots that passed unrun.
     *
     * @param first
     *            the first missed slot
     * @param last
     *            the last missed slot (the one the catch-up stands for); the first slot past the count limit when
     *            {@code more}
     * @param slots
     *            how many were missed, at most {@link #COUNT_LIMIT}
     * @param more
     *            whether more than {@link #COUNT_LIMIT} were missed
     */
    public record Missed(Instant first, Instant last, int slots, boolean more) {
        /** For logs: "3 slots, 2026-06-01T01:00:00Z to 2026-06-03T01:00:00Z". */
        public String describe() {
            return (more ? "more than " + slots : String.valueOf(slots)) + (slots == 1 ? " slot, " : " slots, ")
                    + (slots == 1 ? first.toString() : first + " to " + last);
        }
    }

    private CatchUp() {
    }

    /** The slots of {@code cron} in {@code zone} after {@code from} and up to {@code now}; empty if none. */
    public static Optional<Missed> missed(CronExpression cron, ZoneId zone, Instant from, Instant now) {
        Instant first = cron.next(from, zone);
        if (first == null || first.isAfter(now)) {
            return Optional.empty();
        }
        Instant last = first;
        int slots = 1;
        for (Instant t = cron.next(first, zone); t != null && !t.isAfter(now); t = cron.next(t, zone)) {
            if (slots == COUNT_LIMIT) {
                return Optional.of(new Missed(first, t, slots, true));
            }
            last = t;
            slots++;
        }
        return Optional.of(new Missed(first, last, slots, false));
    }
}
