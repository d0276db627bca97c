package org.opsbench.cluster;

import java.util.Set;

/**
 * This node's part of a sharded piece of work (see {@link Sharding}). Closing it stops the rebalancing and gives the
 * shards back.
 */
public interface ShardSet extends AutoCloseable {

    /** The shard of a key: a stable hash, the same on every node and in every version. */
    static int shardOf(String key, int shards) {
        int h = 0;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, shards);
    }

    /** The number of shards. */
    int count();

    /** Whether this node holds the shard now, with a lease still valid (the fence: checked before acting). */
    boolean holds(int shard);

    /** The shards held now. */
    Set<Integer> held();

    /** Whether every shard belongs to this node by construction (a solo process). */
    boolean solo();

    @Override
    void close();
}
