package org.opsbench.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.opsbench.cluster.Nodes;
import org.opsbench.cluster.internal.ClusterService;
import org.opsbench.cluster.internal.EventBridge;
import org.opsbench.cluster.internal.EventTable;
import org.opsbench.cluster.internal.ViewDelivery;
import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Events between processes through the database: the table, the delivery to views, and the running bridge. */
class EventBridgeTest {

    @Test
    void anEventWrittenByOneNodeIsReadOnceByTheOtherWithItsOriginAndProperties() throws Exception {
        DataSource ds = ClusterDatabase.fresh();
        EventTable a = new EventTable(ds, "a");
        EventTable b = new EventTable(ds, "b");
        a.read();
        b.read();
        a.write(List.of(Map.entry("org/opsbench/monitoring/STATE_CHANGED", Map.of("host", "web-01", "attempt", 3,
                "since", 17L, "hard", true, "tags", new String[]{"a", "b\tc"}, "text", "line 1\nline 2"))));
        List<EventTable.Remote> got = b.read();
        assertEquals(1, got.size());
        EventTable.Remote r = got.get(0);
        assertEquals("a", r.origin());
        assertEquals("org/opsbench/monitoring/STATE_CHANGED", r.topic());
        assertEquals("web-01", r.properties().get("host"));
        assertEquals(3, r.properties().get("attempt"));
        assertEquals(17L, r.properties().get("since"));
        assertEquals(true, r.properties().get("hard"));
        assertArrayEquals(new String[]{"a", "b\tc"}, (String[]) r.properties().get("tags"));
        assertEquals("line 1\nline 2", r.properties().get("text"));
        assertEquals(List.of(), b.read(), "read once");
        assertEquals(List.of(), a.read(), "a node never reads its own events back");
    }

    @Test
    void whatWasPostedBeforeANodeCameIsNotReplayed() throws Exception {
        DataSource ds = ClusterDatabase.fresh();
        new EventTable(ds, "a").write(List.of(Map.entry("org/opsbench/x/OLD", Map.of())));
        EventTable late = new EventTable(ds, "late");
        late.read();
        assertEquals(List.of(), late.read());
    }

    @Test
    void viewsGetRemoteEventsButTheAreasHeadlessHandlersDoNot() {
        assertTrue(ViewDelivery.reactsHeadless("org.opsbench.incidents"));
        assertTrue(ViewDelivery.reactsHeadless("org.opsbench.cluster"));
        assertFalse(ViewDelivery.reactsHeadless("org.opsbench.monitoring.ui"));
        assertFalse(ViewDelivery.reactsHeadless("org.opsbench.workbench"));
        assertFalse(ViewDelivery.reactsHeadless("org.eclipse.e4.ui.services"));
        BundleContext context = ClusterDatabase.context();
        BlockingQueue<Event> got = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> reg = register(context, "org/opsbench/viewtest/*", got);
        try {
            int n = new ViewDelivery(context).deliver(new Event("org/opsbench/viewtest/CHANGED", Map.of("id", "7")));
            assertEquals(1, n);
            assertEquals("7", got.poll().getProperty("id"));
            assertEquals(0, new ViewDelivery(context).deliver(new Event("org/opsbench/other/CHANGED", Map.of())));
        } finally {
            reg.unregister();
        }
    }

    @Test
    void theRunningBridgeSendsLocalEventsAndHandsRemoteOnesToViewsMarkedWithTheirOrigin() throws Exception {
        BundleContext context = ClusterDatabase.context();
        DataSource ds = ClusterDatabase.fresh();
        ConfigurationAdmin admin = Services.await(context, ConfigurationAdmin.class, null, Duration.ofSeconds(30));
        Configuration config = admin.getConfiguration(ClusterService.PID, "?");
        BlockingQueue<Event> got = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> reg = register(context, "org/opsbench/bridgetest/*", got);
        try {
            config.update(new Hashtable<>(Map.of("mode", "shared", "leaseSeconds", 3)));
            awaitBridge(context, true);
            Nodes nodes = Services.await(context, Nodes.class, null, Duration.ofSeconds(30));
            String self = awaitSelf(nodes);
            // let the bridge mark where it starts reading
            Thread.sleep(EventBridge.PERIOD_MILLIS + 500);
            got.clear();
            EventAdmin events = Services.await(context, EventAdmin.class, null, Duration.ofSeconds(30));
            events.postEvent(new Event("org/opsbench/bridgetest/LOCAL", Map.of("n", 1)));
            assertTrue(awaitRow(ds, self, "org/opsbench/bridgetest/LOCAL"), "the local event was written");
            Event local = got.poll(1, TimeUnit.SECONDS);
            assertNotNull(local, "delivered locally by EventAdmin");
            assertEquals(null, local.getProperty(Nodes.ORIGIN_PROPERTY));

            new EventTable(ds, "other-node")
                    .write(List.of(Map.entry("org/opsbench/bridgetest/REMOTE", Map.of("n", 2))));
            Event remote = got.poll(10, TimeUnit.SECONDS);
            assertNotNull(remote, "the other node's event reached the view");
            assertEquals("org/opsbench/bridgetest/REMOTE", remote.getTopic());
            assertEquals("other-node", remote.getProperty(Nodes.ORIGIN_PROPERTY));
            assertEquals(2, remote.getProperty("n"));
            Thread.sleep(2 * EventBridge.PERIOD_MILLIS + 500);
            assertEquals(null, got.poll(), "delivered once");
            assertEquals(0, rows(ds, self, "org/opsbench/bridgetest/REMOTE"), "a remote event is never sent again");
            // the bridge running now (a reconfiguration may have replaced the one looked up above) counted it
            assertTrue(awaitBridge(context, true).received() >= 1);
        } finally {
            reg.unregister();
            config.update(new Hashtable<>(Map.of("mode", "auto")));
            // auto: alone on embedded Derby the bridge stops; on PostgreSQL (the PostgreSQL suite) it stays shared
            awaitBridge(context, org.opsbench.testing.PostgresSuite.server() != null);
        }
    }

    @Test
    void aProcessThatNeverPostsOrAsksForTheBridgeStillHandsRemoteEventsToItsViews() throws Exception {
        // a rich client that only shows data: nothing in it posts an org/opsbench event or looks the bridge up, so a
        // delayed component (activated by EventAdmin's first matching event) would never start reading
        BundleContext context = ClusterDatabase.context();
        ServiceComponentRuntime scr = Services.await(context, ServiceComponentRuntime.class, null,
                Duration.ofSeconds(30));
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTO(
                FrameworkUtil.getBundle(EventBridge.class), EventBridge.class.getName());
        assertNotNull(description, "the bridge component");
        assertTrue(description.immediate, "the bridge starts with its bundle, not on the first local event");
        DataSource ds = ClusterDatabase.fresh();
        ConfigurationAdmin admin = Services.await(context, ConfigurationAdmin.class, null, Duration.ofSeconds(30));
        Configuration config = admin.getConfiguration(ClusterService.PID, "?");
        BlockingQueue<Event> got = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> reg = register(context, "org/opsbench/quiettest/*", got);
        try {
            config.update(new Hashtable<>(Map.of("mode", "shared", "leaseSeconds", 3)));
            Event remote = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // written again each round: the bridge may start reading (and mark the rows already there) at any time
            while (remote == null && System.nanoTime() < end) {
                new EventTable(ds, "other-node").write(List.of(Map.entry("org/opsbench/quiettest/CHANGED", Map.of())));
                remote = got.poll(EventBridge.PERIOD_MILLIS + 500, TimeUnit.MILLISECONDS);
            }
            assertNotNull(remote, "the other node's event reached the view of a process that never posted one");
            assertEquals("other-node", remote.getProperty(Nodes.ORIGIN_PROPERTY));
        } finally {
            reg.unregister();
            config.update(new Hashtable<>(Map.of("mode", "auto")));
            awaitBridge(context, org.opsbench.testing.PostgresSuite.server() != null);
        }
    }

    /** This node's id, once its row is (again) in the freshly emptied tables: the heartbeat registers it. */
    private static String awaitSelf(Nodes nodes) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return nodes.self().id();
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > end) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static EventBridge awaitBridge(BundleContext context, boolean active) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            EventBridge b = Services.await(context, EventBridge.class, null, Duration.ofSeconds(30));
            if (b.active() == active) {
                return b;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bridge did not become " + (active ? "active" : "inactive"));
    }

    private static boolean awaitRow(DataSource ds, String origin, String topic) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (rows(ds, origin, topic) == 1) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int rows(DataSource ds, String origin, String topic) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c
                        .prepareStatement("SELECT COUNT(*) FROM CLU_EVENT WHERE ORIGIN = ? AND TOPIC = ?")) {
            ps.setString(1, origin);
            ps.setString(2, topic);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static ServiceRegistration<EventHandler> register(BundleContext context, String topic,
            BlockingQueue<Event> into) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, topic);
        return context.registerService(EventHandler.class, into::add, props);
    }
}
