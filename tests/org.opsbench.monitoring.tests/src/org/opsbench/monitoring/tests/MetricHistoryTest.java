package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MetricHistory;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.SeriesKey;

/**
 * {@link Monitoring#metrics}: the series of one host or check from the real metric store, at the resolution the store
 * picks, behind the read permission.
 */
class MetricHistoryTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String HOST = "mh-" + RUN;

    private static ServerSocket open;
    private static MonitoringAdmin admin;
    private static Monitoring monitoring;
    private static MetricStore store;

    @BeforeAll
    static void start() throws Exception {
        open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        admin = Osgi.service(MonitoringAdmin.class, null);
        monitoring = Osgi.service(Monitoring.class, null);
        store = Osgi.service(MetricStore.class, null);
        admin.saveHost(OPS, HostDefinition.of(HOST, "127.0.0.1").withHostCheck("tcp",
                Map.of("port", Integer.toString(open.getLocalPort())), Duration.ofHours(1), 1));
    }

    @AfterAll
    static void stop() throws Exception {
        open.close();
    }

    private static CheckDefinition tcp(String name) {
        return CheckDefinition.of(HOST, name, "tcp", Map.of("port", Integer.toString(open.getLocalPort())))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), 1, Duration.ofSeconds(5));
    }

    @Test
    void resultsOfACheckAreItsRawSamplesAndNotThoseOfAnotherCheck() throws Exception {
        admin.saveCheck(OPS, tcp("web"));
        admin.saveCheck(OPS, tcp("web2"));
        CheckKey web = new CheckKey(HOST, "web");
        Instant from = Instant.now().minusSeconds(60);
        for (int i = 0; i < 3; i++) {
            monitoring.runNow(OPS, web, Duration.ofSeconds(20));
        }
        monitoring.runNow(OPS, new CheckKey(HOST, "web2"), Duration.ofSeconds(20));

        List<MetricHistory> history = monitoring.metrics(OPS, web, from, Instant.now().plusSeconds(1), 100);
        assertEquals(1, history.size(), history.toString());
        MetricHistory time = history.get(0);
        assertEquals("time", time.metric());
        assertEquals("ms", time.unit());
        assertEquals(Resolution.RAW, time.data().resolution());
        assertEquals(3, time.data().samples().size(), "one sample per run, none of web2");
        assertTrue(time.data().samples().stream().allMatch(s -> s.value() >= 0));
    }

    @Test
    void aLongPeriodComesAsTheRollupThatFits() throws Exception {
        admin.saveCheck(OPS, tcp("day"));
        CheckKey day = new CheckKey(HOST, "day");
        // a day of one sample a minute, as a check running every minute would have written; whole hours, so that every
        // rollup bucket is full
        long end = Instant.now().minusSeconds(120).toEpochMilli() / 3_600_000 * 3_600_000;
        long start = end - Duration.ofDays(1).toMillis();
        SeriesKey series = store.series(day.seriesName("load1"), "");
        for (long t = start; t < end; t += 60_000) {
            store.append(series.id(), t, 1 + Math.sin(t / 3_600_000.0));
        }
        Instant from = Instant.ofEpochMilli(start);
        Instant to = Instant.ofEpochMilli(end);

        MetricHistory raw = monitoring.metrics(OPS, day, from, to, 2000).get(0);
        assertEquals("load1", raw.metric());
        assertEquals(Resolution.RAW, raw.data().resolution());
        assertEquals(1440, raw.data().size());
        MetricHistory fine = monitoring.metrics(OPS, day, from, to, 500).get(0);
        assertEquals(Resolution.FIVE_MINUTES, fine.data().resolution());
        assertEquals(288, fine.data().size());
        assertTrue(fine.data().points().stream().allMatch(p -> p.count() == 5 && p.min() <= p.avg()
                && p.avg() <= p.max()), "every 5-minute bucket holds its 5 samples");
        MetricHistory coarse = monitoring.metrics(OPS, day, from, to, 100).get(0);
        assertEquals(Resolution.ONE_HOUR, coarse.data().resolution());
        assertEquals(24, coarse.data().size());
        assertTrue(coarse.data().points().stream().allMatch(p -> p.count() == 60));
    }

    @Test
    void aHostOrCheckWithoutMetricsHasNoneAndBadPeriodsAreRefused() throws Exception {
        admin.saveCheck(OPS, tcp("idle"));
        CheckKey idle = new CheckKey(HOST, "idle");
        Instant now = Instant.now();
        assertTrue(monitoring.metrics(OPS, idle, now.minusSeconds(3600), now, 100).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> monitoring.metrics(OPS, idle, now, now, 100));
        assertThrows(IllegalArgumentException.class,
                () -> monitoring.metrics(OPS, idle, now.minusSeconds(60), now, 0));
    }

    @Test
    void readingMetricsNeedsTheReadPermission() {
        Principal stranger = Principal.user("nobody-" + RUN, "Nobody");
        NotAllowedException refused = assertThrows(NotAllowedException.class, () -> monitoring.metrics(stranger,
                new CheckKey(HOST, "web"), Instant.now().minusSeconds(60), Instant.now(), 100));
        assertTrue(refused.getMessage().contains("monitoring:read"), refused.getMessage());
    }
}
