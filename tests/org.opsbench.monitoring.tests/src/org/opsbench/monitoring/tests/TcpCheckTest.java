package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opsbench.core.CiRef;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;

/** The {@code tcp} check service against a real listening socket and a closed port. */
class TcpCheckTest {

    private static final CiRef HOST = new CiRef("h1", "host", "localhost");

    @Test
    void listeningPortIsOkWithConnectTime() throws Exception {
        CheckType tcp = Osgi.service(CheckType.class, "(checkType=tcp)");
        assertEquals("tcp", tcp.id());
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CheckResult result = tcp.run(context(server.getLocalPort()));
            assertEquals(Health.OK, result.health(), result.summary());
            assertEquals(1, result.metrics().size());
            assertEquals("time", result.metrics().get(0).name());
            assertEquals("ms", result.metrics().get(0).unit());
            assertTrue(result.metrics().get(0).value() >= 0);
        }
    }

    @Test
    void closedPortIsCriticalConnectionRefused() throws Exception {
        CheckType tcp = Osgi.service(CheckType.class, "(checkType=tcp)");
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        CheckResult result = tcp.run(context(port));
        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().contains("connection refused by 127.0.0.1:" + port), result.summary());
        assertEquals(0, result.metrics().size());
    }

    @Test
    void portThatNeverAnswersIsCriticalTimedOut() throws Exception {
        CheckType tcp = Osgi.service(CheckType.class, "(checkType=tcp)");
        try (HangingPort hanging = new HangingPort()) {
            CheckResult result = tcp.run(new CheckContext(HOST, "127.0.0.1",
                    Map.of("port", Integer.toString(hanging.port())), Duration.ofSeconds(1)));
            assertEquals(Health.CRITICAL, result.health(), result.summary());
            assertTrue(result.summary().contains("timed out after 1 s connecting to 127.0.0.1:" + hanging.port()),
                    result.summary());
        }
    }

    @Test
    void missingPortIsUnknown() throws Exception {
        CheckType tcp = Osgi.service(CheckType.class, "(checkType=tcp)");
        CheckResult result = tcp.run(new CheckContext(HOST, "127.0.0.1", Map.of(), Duration.ofSeconds(5)));
        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().contains("no valid port"), result.summary());
    }

    private static CheckContext context(int port) {
        return new CheckContext(HOST, "127.0.0.1", Map.of("port", Integer.toString(port)), Duration.ofSeconds(5));
    }
}
