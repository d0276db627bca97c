package org.opsbench.changes;

import java.util.List;

import org.opsbench.core.CiRef;

/**
 * Two scheduled changes whose windows overlap on the same configuration items.
 *
 * @param first
 *            the reference of the one that starts first
 * @param second
 *            the reference of the other
 * @param items
 *            the items both touch
 */
public record Conflict(String first, String second, List<CiRef> items) {

    /** Copies the list. */
    public Conflict {
        items = List.copyOf(items);
    }
}
