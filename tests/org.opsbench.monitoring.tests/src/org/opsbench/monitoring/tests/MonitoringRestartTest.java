package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.StateType;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** A restart of the monitoring area (here: a configuration change) resumes states and acknowledgements. */
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

        ConfigurationAdmin cm = Osgi.service(ConfigurationAdmin.class, null);
        Configuration config = cm.getConfiguration("org.opsbench.monitoring", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("writeIntervalMillis", 250);
        config.update(properties);
        Monitoring after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Monitoring current = Osgi.service(Monitoring.class, null);
            if (current != before) {
                after = current;
                break;
            }
            Thread.sleep(50);
        }
        assertNotNull(after, "the monitoring service did not restart");
        assertNotSame(before, after);
        CheckStatus resumed = after.checks(OPS, host).get(0);
        assertEquals(Health.CRITICAL, resumed.hardState());
        assertEquals(StateType.HARD, resumed.stateType());
        assertNotNull(resumed.acknowledgement(), "acknowledgement kept");
        assertEquals("disk replaced tomorrow", resumed.acknowledgement().comment());
        assertEquals(1, after.history(OPS, key, java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(1), 0)
                .size(), "history kept, no duplicate entry");
    }
}
