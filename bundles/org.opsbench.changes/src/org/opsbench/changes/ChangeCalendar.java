package org.opsbench.changes;

import java.util.List;

/**
 * What the change calendar shows for a period.
 *
 * @param changes
 *            the changes with a window in the period (scheduled, implementing or done), by start
 * @param freezes
 *            the freeze windows overlapping the period, by start
 * @param conflicts
 *            the pairs of those changes that overlap on an item
 */
public record ChangeCalendar(List<ChangeRequest> changes, List<FreezeWindow> freezes, List<Conflict> conflicts) {

    /** Copies the lists. */
    public ChangeCalendar {
        changes = List.copyOf(changes);
        freezes = List.copyOf(freezes);
        conflicts = List.copyOf(conflicts);
    }
}
