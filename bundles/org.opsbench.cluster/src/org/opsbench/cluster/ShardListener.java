package org.opsbench.cluster;

import java.util.Set;

/** Told when this node's shards change; called on the rebalancing thread, one call at a time. */
public interface ShardListener {

    /** These shards are this node's now. */
    void gained(Set<Integer> shards);

    /**
     * These shards are no longer this node's: stop their work and write what is pending before returning (they are
     * released, or may already be taken, right after).
     */
    void lost(Set<Integer> shards);
}
