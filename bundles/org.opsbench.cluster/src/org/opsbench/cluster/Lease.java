package org.opsbench.cluster;

import java.time.Instant;

/**
 * A lease this node holds.
 *
 * @param name
 *            the lease's name
 * @param holder
 *            the node id holding it (this node)
 * @param generation
 *            grows on every acquisition by any node: a fencing token that tells an old holding from a new one
 * @param expires
 *            when it expires on the database's clock unless renewed
 * @param validUntilNanos
 *            {@link System#nanoTime()} until which this node may act on it: measured from before the request that took
 *            or renewed it, with a safety margin, so the holder stops before the database lets another node take it,
 *            whatever the clocks say
 */
public record Lease(String name, String holder, long generation, Instant expires, long validUntilNanos) {

    /** Whether this node may still act on the lease now. */
    public boolean valid() {
        return System.nanoTime() - validUntilNanos < 0;
    }
}
