package org.opsbench.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsbench.cluster.ShardListener;
import org.opsbench.cluster.ShardSet;
import org.opsbench.cluster.internal.LeaseTable;
import org.opsbench.cluster.internal.NodeTable;
import org.opsbench.cluster.internal.ShardKeeper;

/** Two nodes sharing 64 shards through the real lease table (Derby): fair share, join, leave, death, fencing. */
class ShardsTest {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final int SHARDS = 64;

    private DataSource ds;

    /** What a node was told, and so what it runs. */
    static final class Running implements ShardListener {
        final Set<Integer> running = new TreeSet<>();

        @Override
        public synchronized void gained(Set<Integer> shards) {
            shards.forEach(s -> assertTrue(running.add(s), "gained twice: " + s));
        }

        @Override
        public synchronized void lost(Set<Integer> shards) {
            shards.forEach(s -> assertTrue(running.remove(s), "lost what it did not run: " + s));
        }
    }

    private final class Node {
        final NodeTable table;
        final Running listener = new Running();
        final ShardKeeper keeper;

        Node(String id) throws SQLException {
            table = new NodeTable(ds, id, id, Duration.ofSeconds(30));
            table.start();
            keeper = new ShardKeeper(new LeaseTable(ds, id), id, "mon", SHARDS, TTL, listener, false);
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        ds = ClusterDatabase.fresh();
    }

    @Test
    void aNodeAloneTakesEveryShard() throws Exception {
        Node a = new Node("a");
        a.keeper.rebalance();
        assertEquals(SHARDS, a.keeper.held().size());
        assertEquals(a.keeper.held(), a.listener.running);
        for (int s = 0; s < SHARDS; s++) {
            assertTrue(a.keeper.holds(s));
        }
    }

    @Test
    void aJoiningNodeGetsHalfAndNoShardIsRunTwice() throws Exception {
        Node a = new Node("a");
        a.keeper.rebalance();
        Node b = new Node("b");
        b.keeper.rebalance();
        assertEquals(Set.of(), b.keeper.held(), "b takes nothing a still holds");
        a.keeper.rebalance();
        assertEquals(SHARDS / 2, a.keeper.held().size(), "a gives back its surplus");
        b.keeper.rebalance();
        assertEquals(SHARDS / 2, b.keeper.held().size());
        assertDisjointAndComplete(a, b);
        // later rounds keep the split
        a.keeper.rebalance();
        b.keeper.rebalance();
        assertDisjointAndComplete(a, b);
        assertEquals(SHARDS / 2, a.keeper.held().size());
    }

    @Test
    void aNodeLeavingCleanlyHandsItsShardsOverAtOnce() throws Exception {
        Node a = new Node("a");
        Node b = new Node("b");
        a.keeper.rebalance();
        b.keeper.rebalance();
        a.keeper.rebalance();
        b.keeper.rebalance();
        assertDisjointAndComplete(a, b);
        b.keeper.close();
        b.table.stop();
        assertEquals(Set.of(), b.listener.running, "b stopped everything");
        a.keeper.rebalance();
        assertEquals(SHARDS, a.keeper.held().size());
    }

    @Test
    void aDeadNodesShardsAreTakenOverAfterTheLeaseTimeoutEvenWhileItsHeartbeatIsRecent() throws Exception {
        Node a = new Node("a");
        Node b = new Node("b");
        a.keeper.rebalance();
        b.keeper.rebalance();
        a.keeper.rebalance();
        b.keeper.rebalance();
        Set<Integer> ofB = b.keeper.held();
        assertEquals(SHARDS / 2, ofB.size());
        // b dies: it renews nothing more (its heartbeat is still recent: 30 s node timeout)
        a.keeper.rebalance();
        assertEquals(SHARDS / 2, a.keeper.held().size(), "before the timeout, a waits");
        Thread.sleep(TTL.toMillis() + 300);
        for (int s : ofB) {
            assertFalse(b.keeper.holds(s), "b's own deadline passed: it would not run shard " + s);
        }
        a.keeper.rebalance();
        assertEquals(SHARDS, a.keeper.held().size(), "a took over the orphaned shards");
    }

    @Test
    void aNodeThatFailsToRenewStopsItsShardsAndTheNewHolderHasThem() throws Exception {
        Node a = new Node("a");
        a.keeper.rebalance();
        // a pauses longer than the time to live (a long GC, a lost network): b takes everything meanwhile
        Thread.sleep(TTL.toMillis() + 300);
        Node b = new Node("b");
        b.keeper.rebalance();
        assertEquals(SHARDS, b.keeper.held().size());
        assertFalse(a.keeper.holds(0), "a's leases are past their deadline");
        // a comes back: its renewal fails, it is told it lost the shards before it could run them again
        a.keeper.rebalance();
        assertEquals(Set.of(), a.listener.running);
        assertEquals(SHARDS, b.listener.running.size());
    }

    @Test
    void aLiveNodeThatTakesNoPartDoesNotShrinkTheShare() throws Exception {
        Node a = new Node("a");
        // a rich client on the same database: live (heartbeat), but it runs no checks
        new NodeTable(ds, "client", "client", Duration.ofSeconds(30)).start();
        a.keeper.rebalance();
        a.keeper.rebalance();
        assertEquals(SHARDS, a.keeper.held().size());
        assertEquals(1, a.keeper.members());
    }

    @Test
    void theShardOfAKeyIsStable() {
        assertEquals(ShardSet.shardOf("web-01", SHARDS), ShardSet.shardOf("web-01", SHARDS));
        Set<Integer> spread = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            spread.add(ShardSet.shardOf("host-" + i, SHARDS));
        }
        assertTrue(spread.size() > SHARDS / 2, "200 hosts land on most shards: " + spread.size());
    }

    private static void assertDisjointAndComplete(Node a, Node b) {
        Set<Integer> both = new TreeSet<>(a.listener.running);
        for (int s : b.listener.running) {
            assertTrue(both.add(s), "shard " + s + " runs on both nodes");
        }
        assertEquals(SHARDS, both.size(), "every shard runs somewhere");
    }
}
