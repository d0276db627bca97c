package org.opsbench.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.cluster.NodeInfo;
import org.opsbench.cluster.Leases;
import org.opsbench.cluster.Nodes;
import org.opsbench.cluster.internal.NodeIdentity;
import org.opsbench.cluster.internal.NodeTable;
import org.opsbench.cluster.internal.EventBridge;
import org.opsbench.cluster.internal.console.NodesCommand;
import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;

/** Node identity and heartbeats on the real database. */
class NodesTest {

    @TempDir
    Path workspace;

    @Test
    void theNodeIdStaysTheSameForAWorkspace() throws Exception {
        String first = NodeIdentity.load(workspace);
        assertEquals(first, NodeIdentity.load(workspace));
        assertTrue(Files.readString(workspace.resolve("cluster/node-id")).contains(first));
    }

    @Test
    void liveNodesAreThoseWithARecentHeartbeatThatDidNotStop() throws Exception {
        DataSource ds = ClusterDatabase.fresh();
        NodeTable a = new NodeTable(ds, "a", "alpha", Duration.ofSeconds(30));
        NodeTable b = new NodeTable(ds, "b", "beta", Duration.ofSeconds(30));
        a.start();
        b.start();
        b.heartbeat();
        assertEquals(List.of("a", "b"), a.live().stream().map(NodeInfo::id).toList());
        b.stop();
        assertEquals(List.of("a"), a.live().stream().map(NodeInfo::id).toList());
        assertEquals(2, a.all().size(), "a stopped node stays listed");
        b.start();
        assertEquals(2, a.live().size(), "a restarted node is the same node, live again");
    }

    @Test
    void aNodeWithoutHeartbeatIsNoLongerLiveAfterTheTimeout() throws Exception {
        DataSource ds = ClusterDatabase.fresh();
        NodeTable a = new NodeTable(ds, "a", "alpha", Duration.ofSeconds(1));
        a.start();
        Thread.sleep(1300);
        assertEquals(List.of(), a.live());
        a.heartbeat();
        assertEquals(1, a.live().size());
    }

    @Test
    void theServiceAloneOnEmbeddedDerbyIsSoloAndNamesItsDatabase() throws Exception {
        Nodes nodes = Services.await(ClusterDatabase.context(), Nodes.class, null, Duration.ofSeconds(30));
        assertTrue(nodes.solo());
        assertTrue(nodes.database().startsWith("jdbc:derby:"), nodes.database());
        assertEquals(List.of(nodes.self().id()), nodes.live().stream().map(NodeInfo::id).toList());
    }

    @Test
    void theNodesCommandShowsTheDatabaseAndThisNode() throws Exception {
        BundleContext context = ClusterDatabase.context();
        Nodes nodes = Services.await(context, Nodes.class, null, Duration.ofSeconds(30));
        String table = new NodesCommand(nodes, Services.await(context, Leases.class, null, Duration.ofSeconds(30)),
                Services.await(context, EventBridge.class, null, Duration.ofSeconds(30))).nodes();
        assertTrue(table.startsWith("database: jdbc:derby:"), table);
        assertTrue(table.contains("(solo)"), table);
        assertTrue(table.contains(nodes.self().id() + " *"), table);
    }
}
