package org.opsbench.core.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.opsbench.core.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Correlation of a moment with what changed before it: for a set of configuration items and a time, the changes that
 * touched them and the configuration drift found on them in the preceding window. An OSGi service of the changes area;
 * optional for its users.
 */
@ProviderType
public interface RecentChanges {

    /** The window looked back over when none is given. */
    Duration DEFAULT_WINDOW = Duration.ofHours(24);

    /**
     * The changes whose implementation window (actual, else planned) overlaps {@code [at - window, at]} and the drift
     * recorded in that interval, for the items named in {@code items}, newest first.
     *
     * @param caller
     *            who asks; needs the changes area's read permission
     * @param items
     *            configuration item ids or names; an item matches when either its id or its name is listed
     * @param at
     *            the moment looked back from, for example when an alert was raised
     * @param window
     *            how far to look back, positive
     * @throws org.opsbench.core.security.NotAllowedException
     *             when {@code caller} may not read changes
     */
    List<RecentChange> before(Principal caller, Collection<String> items, Instant at, Duration window);

    /** {@link #before(Principal, Collection, Instant, Duration)} over the {@link #DEFAULT_WINDOW}. */
    default List<RecentChange> before(Principal caller, Collection<String> items, Instant at) {
        return before(caller, items, at, DEFAULT_WINDOW);
    }
}
