package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;

import org.opsbench.core.Principal;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.metrics.MetricStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The real monitoring services of the test runtime, with the schedule switched off (checks run only when a test says
 * so, so states and attempts are exactly what the test made them), a loopback port that accepts connections and one
 * that refuses them.
 */
final class MonitoringFixture implements AutoCloseable {

    static final Principal OPS = Principal.system("workbench-tests");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ServerSocket open;
    final int closedPort;
    private final ServiceTracker<MonitoringAdmin, MonitoringAdmin> admin;
    private final ServiceTracker<Monitoring, Monitoring> monitoring;
    private final ServiceTracker<MetricStore, MetricStore> metrics;
    /** A suffix of this run: the test workspace outlives a build without 'clean'. */
    final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private MonitoringFixture(ServerSocket open, int closedPort, ServiceTracker<MonitoringAdmin, MonitoringAdmin> admin,
            ServiceTracker<Monitoring, Monitoring> monitoring, ServiceTracker<MetricStore, MetricStore> metrics) {
        this.open = open;
        this.closedPort = closedPort;
        this.admin = admin;
        this.monitoring = monitoring;
        this.metrics = metrics;
    }

    static MonitoringFixture start() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(MonitoringFixture.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        cm.open();
        ConfigurationAdmin configs = cm.waitForService(10_000);
        assertNotNull(configs, "ConfigurationAdmin");
        ServiceTracker<Monitoring, Monitoring> tracker = new ServiceTracker<>(context, Monitoring.class, null);
        tracker.open();
        Monitoring before = tracker.waitForService(20_000);
        assertNotNull(before, "Monitoring");
        Configuration config = configs.getConfiguration("org.opsbench.monitoring", "?");
        if (config.getProperties() == null || !Boolean.FALSE.equals(config.getProperties().get("scheduling"))) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("scheduling", false);
            properties.put("writeIntervalMillis", 200);
            config.update(properties);
            // the runtime restarts with the new settings, and the services with it
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (tracker.getService() == null || tracker.getService() == before) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the monitoring service did not restart without its schedule");
                }
                Thread.sleep(50);
            }
        }
        ServerSocket open = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        return new MonitoringFixture(open, closed, tracker(context, MonitoringAdmin.class), tracker,
                tracker(context, MetricStore.class));
    }

    private static <T> ServiceTracker<T, T> tracker(BundleContext context, Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        return tracker;
    }

    /**
     * The service as registered now: the monitoring services restart when the security area does (a test switching its
     * single-user mode), so never keep one.
     */
    private static <T> T now(ServiceTracker<T, T> tracker, String name) {
        try {
            T s = tracker.waitForService(20_000);
            assertNotNull(s, name);
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    MonitoringAdmin admin() {
        return now(admin, "MonitoringAdmin");
    }

    Monitoring monitoring() {
        return now(monitoring, "Monitoring");
    }

    MetricStore metrics() {
        return now(metrics, "MetricStore");
    }

    /** A host on loopback whose host check connects to the open port. */
    HostDefinition host(String name) {
        return HostDefinition.of(name, "127.0.0.1").withHostCheck("tcp",
                Map.of("port", Integer.toString(open.getLocalPort())), Duration.ofHours(1), 1);
    }

    /** A TCP check of {@code port} with {@code attempts} to HARD. */
    CheckDefinition tcp(String host, String name, int port, int attempts) {
        return CheckDefinition.of(host, name, "tcp", Map.of("port", Integer.toString(port)))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), attempts, Duration.ofSeconds(5));
    }

    @Override
    public void close() throws Exception {
        open.close();
        admin.close();
        monitoring.close();
        metrics.close();
    }
}
