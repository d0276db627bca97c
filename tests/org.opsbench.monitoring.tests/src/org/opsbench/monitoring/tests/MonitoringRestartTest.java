package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Notifier;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.NotificationRule;
import org.opsbench.monitoring.StateType;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A restart of the monitoring area (here: a configuration change) resumes states, acknowledgements and the
 * notifications still owed.
 */
class MonitoringRestartTest {

    private static final Principal OPS = Principal.system("monitoring-tests");

    @Test
    void hardStateAndAcknowledgementSurviveARestart() throws Exception {
        String host = "restart-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
        Monitoring before = Osgi.service(Monitoring.class, null);
        admin.saveHost(OPS, HostDefinition.of(host, "127.0.0.1").withHostCheck("tcp",
                Map.of("port", Integer.toString(closed)), Duration.ofHours(1), 1));
        admin.saveCheck(OPS, CheckDefinition.of(host, "imap", "tcp", Map.of("port", Integer.toString(closed)))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), 1, Duration.ofSeconds(5)));
        CheckKey key = new CheckKey(host, "imap");
        before.runNow(OPS, key, Duration.ofSeconds(20));
        before.acknowledge(OPS, key, "disk replaced tomorrow");

        Monitoring after = restart(before);
        CheckStatus resumed = after.checks(OPS, host).get(0);
        assertEquals(Health.CRITICAL, resumed.hardState());
        assertEquals(StateType.HARD, resumed.stateType());
        assertNotNull(resumed.acknowledgement(), "acknowledgement kept");
        assertEquals("disk replaced tomorrow", resumed.acknowledgement().comment());
        assertEquals(1, after.history(OPS, key, java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(1), 0)
                .size(), "history kept, no duplicate entry");
    }

    @Test
    void aProblemHeldBackByAMaintenanceWindowIsStillToldAfterARestart() throws Exception {
        String host = "owed-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        RecordingNotifier notifier = new RecordingNotifier();
        ServiceRegistration<Notifier> registration = Osgi.context().registerService(Notifier.class, notifier,
                new Hashtable<>(Map.of("notifier", "recording")));
        try (ServerSocket up = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
            Monitoring before = Osgi.service(Monitoring.class, null);
            admin.saveHost(OPS, HostDefinition.of(host, "127.0.0.1").withHostCheck("tcp",
                    Map.of("port", Integer.toString(up.getLocalPort())), Duration.ofHours(1), 1));
            admin.saveCheck(OPS, CheckDefinition.of(host, "smtp", "tcp", Map.of("port", Integer.toString(closed)))
                    .withTiming(Duration.ofHours(1), Duration.ofHours(1), 1, Duration.ofSeconds(5)));
            admin.saveRule(OPS, NotificationRule.of(host + "-page", Set.of("CRITICAL"), host, "*", "recording",
                    Map.of()));
            CheckKey key = new CheckKey(host, "smtp");
            Instant windowEnd = Instant.now().plusSeconds(6);
            before.scheduleDowntime(OPS, CheckKey.host(host), Instant.now().minusSeconds(1), windowEnd, "reboot");
            before.runNow(OPS, CheckKey.host(host), Duration.ofSeconds(20));
            before.runNow(OPS, key, Duration.ofSeconds(20));
            assertEquals(Health.CRITICAL, before.checks(OPS, host).get(0).hardState());
            assertTrue(notifier.sentFor(host).isEmpty(), "held back by the window");

            restart(before);
            RecordingNotifier.Sent sent = notifier.next(Duration.ofSeconds(30));
            assertEquals(host, sent.notification().properties().get("host"));
            assertEquals("smtp", sent.notification().properties().get("check"));
            assertEquals("PROBLEM", sent.notification().properties().get("kind"));
            assertFalse(sent.notification().time().isBefore(windowEnd), "told when the window ended, not before");
        } finally {
            registration.unregister();
        }
    }

    /** Restarts the monitoring area through a configuration change and returns the new service. */
    private static Monitoring restart(Monitoring before) throws Exception {
        ConfigurationAdmin cm = Osgi.service(ConfigurationAdmin.class, null);
        Configuration config = cm.getConfiguration("org.opsbench.monitoring", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("writeIntervalMillis", config.getProperties() != null
                && Integer.valueOf(250).equals(config.getProperties().get("writeIntervalMillis")) ? 300 : 250);
        config.update(properties);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Monitoring current = Osgi.service(Monitoring.class, null);
            if (current != before) {
                return current;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the monitoring service did not restart");
    }
}
