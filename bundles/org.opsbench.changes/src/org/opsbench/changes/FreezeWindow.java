package org.opsbench.changes;

import java.time.Instant;

/**
 * A period in which nothing but emergency changes may be scheduled (a freeze or blackout).
 *
 * @param id
 *            its id, 0 before it is stored
 * @param name
 *            a name, for example {@code year-end freeze}
 * @param start
 *            start, inclusive
 * @param end
 *            end, exclusive
 * @param reason
 *            why
 */
public record FreezeWindow(long id, String name, Instant start, Instant end, String reason) {

    /** Whether this window overlaps {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
