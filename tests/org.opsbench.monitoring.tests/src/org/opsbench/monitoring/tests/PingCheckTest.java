package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.core.CiRef;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;

/**
 * The {@code ping} check service: ICMP echo (the test JVM may send it when it runs as root or with CAP_NET_RAW) and TCP
 * connect, against loopback (up), a loopback port that drops connects, and {@code 100::1} from the IPv6 discard prefix
 * (RFC 6666: never answers).
 */
class PingCheckTest {

    private static final CiRef HOST = new CiRef("h1", "host", "localhost");
    /** RFC 6666 discard-only prefix: routed nowhere, answered by nobody. */
    private static final String NOWHERE = "100::1";

    private static CheckType ping() throws Exception {
        return Osgi.service(CheckType.class, "(checkType=ping)");
    }

    private static CheckResult run(String address, Duration timeout, String... keyValues) throws Exception {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return ping().run(new CheckContext(HOST, address, parameters, timeout));
    }

    /** Whether this JVM may open raw sockets, read here independently of the check: CAP_NET_RAW (bit 13). */
    private static boolean mayOpenRawSockets() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 13)) != 0;
            }
        }
        return false;
    }

    private static double metric(CheckResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).findFirst().map(Metric::value)
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + result.metrics()));
    }

    @Test
    void loopbackIsUpWithTheMethodThisProcessMayUse() throws Exception {
        CheckResult result = run("127.0.0.1", Duration.ofSeconds(5), "packets", "3");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().startsWith("PING OK - Packet loss = 0%, RTA = "), result.summary());
        String method = mayOpenRawSockets() ? "(ICMP echo to 127.0.0.1, 3 packets)" : "(TCP connect to 127.0.0.1";
        assertTrue(result.summary().contains(method), result.summary());
        assertEquals(List.of("rta", "pl"), result.metrics().stream().map(Metric::name).toList());
        assertEquals("ms", result.metrics().get(0).unit());
        assertEquals("%", result.metrics().get(1).unit());
        assertEquals(0, metric(result, "pl"));
        assertTrue(metric(result, "rta") >= 0);
    }

    @Test
    void icmpEchoIsSentOnlyWithThePrivilegeAndNeverSilentlyReplaced() throws Exception {
        CheckResult up = run("127.0.0.1", Duration.ofSeconds(5), "method", "icmp", "packets", "2");
        CheckResult down = run(NOWHERE, Duration.ofSeconds(2), "method", "icmp", "packets", "2");

        if (mayOpenRawSockets()) {
            assertEquals(Health.OK, up.health(), up.summary());
            assertTrue(up.summary().endsWith("(ICMP echo to 127.0.0.1, 2 packets)"), up.summary());
            assertEquals(Health.CRITICAL, down.health(), down.summary());
            assertEquals("PING CRITICAL - Packet loss = 100% (ICMP echo to 100:0:0:0:0:0:0:1, 2 packets)",
                    down.summary());
            assertEquals(List.of(new Metric("pl", 100, "%")), down.metrics());
        } else {
            assertEquals(Health.UNKNOWN, up.health(), up.summary());
            assertTrue(up.summary().contains("ICMP echo needs root or CAP_NET_RAW"), up.summary());
        }
    }

    @Test
    void aRefusedConnectionProvesTheHostIsUp() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CheckResult result = run("127.0.0.1", Duration.ofSeconds(5), "method", "tcp", "ports",
                Integer.toString(closed), "packets", "4");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().startsWith("PING OK - Packet loss = 0%"), result.summary());
        assertTrue(result.summary().endsWith("(TCP connect to 127.0.0.1 ports " + closed + ", 4 packets)"),
                result.summary());
    }

    @Test
    void anAcceptedConnectionAnswersTooAndTheFirstAnswerOfSeveralPortsCounts() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                HangingPort hanging = new HangingPort()) {
            CheckResult result = run("127.0.0.1", Duration.ofSeconds(5), "method", "tcp", "ports",
                    hanging.port() + "," + open.getLocalPort(), "packets", "2");

            assertEquals(Health.OK, result.health(), result.summary());
            assertEquals(0, metric(result, "pl"));
        }
    }

    @Test
    void aPortThatDropsConnectsIsAllPacketsLost() throws Exception {
        try (HangingPort hanging = new HangingPort()) {
            CheckResult result = run("127.0.0.1", Duration.ofSeconds(2), "method", "tcp", "ports",
                    Integer.toString(hanging.port()), "packets", "2");

            assertEquals(Health.CRITICAL, result.health(), result.summary());
            assertEquals("PING CRITICAL - Packet loss = 100% (TCP connect to 127.0.0.1 ports " + hanging.port()
                    + ", 2 packets)", result.summary());
        }
    }

    @Test
    void anAddressThatNobodyAnswersIsDownOverTcpToo() throws Exception {
        CheckResult result = run(NOWHERE, Duration.ofSeconds(2), "method", "tcp", "packets", "2");

        assertEquals(Health.CRITICAL, result.health(), result.summary());
        assertTrue(result.summary().startsWith("PING CRITICAL - Packet loss = 100% (TCP connect to 100:0:0:0:0:0:0:1"
                + " ports 22,80,443"), result.summary());
    }

    @Test
    void rtaAndLossLimitsWorkAsInCheckPing() throws Exception {
        // every round trip is at least 0 ms: a limit of 0 ms is always reached
        CheckResult warning = run("127.0.0.1", Duration.ofSeconds(5), "method", "tcp", "packets", "2", "warning",
                "0,100%", "critical", "500,100%");
        CheckResult critical = run("127.0.0.1", Duration.ofSeconds(5), "method", "tcp", "packets", "2",
                "warning", "0,100%", "critical", "0,100%");

        assertEquals(Health.WARNING, warning.health(), warning.summary());
        assertTrue(warning.summary().startsWith("PING WARNING - Packet loss = 0%, RTA = "), warning.summary());
        assertEquals(Health.CRITICAL, critical.health(), critical.summary());
    }

    @Test
    void badParametersAreUnknownNamingTheParameter() throws Exception {
        CheckResult result = run("127.0.0.1", Duration.ofSeconds(5), "warning", "100ms,20%");

        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().startsWith("PING UNKNOWN - parameter 'warning' "), result.summary());
    }

    @Test
    void aNameThatDoesNotResolveIsCritical() throws Exception {
        // the test JVM resolves names from its hosts file only (see pom.xml)
        CheckResult result = run("no-such-host.test", Duration.ofSeconds(5));

        assertEquals(Health.CRITICAL, result.health(), result.summary());
        assertEquals("PING CRITICAL - cannot resolve host name no-such-host.test", result.summary());
    }

    @Test
    void aHostAliasFromTheHostsFileIsPinged() throws Exception {
        CheckResult result = run("mon-01.test", Duration.ofSeconds(5), "method", "tcp", "packets", "1");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().contains("(TCP connect to 127.0.0.1 ports 22,80,443, 1 packet)"),
                result.summary());
    }
}
