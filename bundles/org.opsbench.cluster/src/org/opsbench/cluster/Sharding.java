package org.opsbench.cluster;

/**
 * Work split into a fixed number of shards, each a lease named {@code <name>.<shard>}. Every live node aims at its fair
 * share, ceil(shards / live nodes): it takes free or expired shards below it, gives surplus back, and always takes over
 * shards whose holder stopped renewing. Leases are renewed at a third of their time to live; a node that cannot renew
 * stops acting on a shard before another node can take it.
 */
public interface Sharding {

    /**
     * Joins the work: takes this node's first share before returning ({@link ShardListener#gained} is called on this
     * thread), then rebalances in the background.
     */
    ShardSet join(String name, int shards, ShardListener listener);
}
