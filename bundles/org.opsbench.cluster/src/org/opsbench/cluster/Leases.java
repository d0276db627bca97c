package org.opsbench.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Named leases in the database, held by one node at a time for a time to live. Each call is one transaction with a
 * conditional update (or insert), so two nodes never both succeed; a holder that stops renewing loses the lease when
 * its time runs out on the database's clock, and another node can take it then.
 */
public interface Leases {

    /**
     * Takes the lease if it is free, released, expired or already this node's (then with a new generation).
     *
     * @return the lease, or empty when another node holds it
     * @throws IllegalArgumentException
     *             for a blank name or a time to live under one second
     */
    Optional<Lease> acquire(String name, Duration ttl);

    /**
     * Extends leases this node holds, in one transaction.
     *
     * @return the leases still held, with their new expiry; a lease missing from it was lost (taken by another node
     *         after it expired, or released)
     */
    List<Lease> renew(Collection<Lease> leases, Duration ttl);

    /** Gives leases back so another node can take them at once; leases no longer held are skipped. */
    void release(Collection<Lease> leases);

    /** The leases whose name starts with {@code prefix}, by name. */
    List<LeaseState> list(String prefix);
}
