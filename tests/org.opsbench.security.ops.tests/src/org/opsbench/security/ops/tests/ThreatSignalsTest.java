package org.opsbench.security.ops.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.SecuritySignal;
import org.opsbench.security.ops.internal.collect.AuthLog;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Failed-login bursts from generated auth logs (syslog and journal formats) and changed host keys as signals. */
class ThreatSignalsTest {

    @RegisterExtension
    static final SecOpsHost HOST = new SecOpsHost();

    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

    /** {@code n} failures {@code gap} apart from {@code start}, in syslog format, with noise lines between. */
    static List<String> syslog(Instant start, int n, Duration gap, String source) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ZonedDateTime t = start.plus(gap.multipliedBy(i)).atZone(ZoneOffset.UTC);
            lines.add(SYSLOG.format(t) + " web-01 sshd[" + (4000 + i) + "]: Failed password for "
                    + (i % 2 == 0 ? "invalid user admin" : "root") + " from " + source + " port " + (50000 + i)
                    + " ssh2");
            lines.add(SYSLOG.format(t) + " web-01 sshd[" + (4000 + i) + "]: Connection closed by " + source);
        }
        return lines;
    }

    @Test
    void burstsAreWindowsHoldingTheThresholdAndSlowFailuresAreNone() {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        List<String> log = new ArrayList<>(syslog(t0, 12, Duration.ofSeconds(10), "203.0.113.7"));
        log.addAll(syslog(t0.plus(Duration.ofHours(1)), 12, Duration.ofMinutes(2), "198.51.100.9"));
        var failures = AuthLog.failures(String.join("\n", log), 2026, ZoneOffset.UTC, t0.minusSeconds(1));
        assertEquals(24, failures.size());
        var bursts = AuthLog.bursts(failures, 10, Duration.ofMinutes(5));
        assertEquals(1, bursts.size(), bursts.toString());
        assertEquals(12, bursts.get(0).count());
        assertEquals(t0, bursts.get(0).from());
        assertEquals(List.of("203.0.113.7"), List.copyOf(bursts.get(0).sources()));
        assertEquals(0, AuthLog.bursts(failures, 13, Duration.ofMinutes(5)).size());
    }

    @Test
    void journalShortIsoAndRfc3339LinesParseWithTheirOffsets() {
        String log = "2026-11-30T11:00:01+0100 web-01 sshd[1]: Failed publickey for bob from 192.0.2.1 port 1 ssh2\n"
                + "2026-11-30T10:00:02.123456+00:00 web-01 sshd-session[2]: Failed password for invalid user x from "
                + "192.0.2.2 port 2 ssh2\n"
                + "2026-11-30T10:00:03+0000 web-01 sshd[3]: Accepted publickey for ops from 192.0.2.3 port 3 ssh2\n";
        var f = AuthLog.failures(log, 2026, ZoneOffset.UTC, Instant.EPOCH);
        assertEquals(2, f.size());
        assertEquals(Instant.parse("2026-11-30T10:00:01Z"), f.get(0).at());
        assertEquals("bob", f.get(0).user());
        assertEquals("x", f.get(1).user());
        assertEquals("192.0.2.2", f.get(1).source());
    }

    @Test
    void aGeneratedAuthLogReadOverSshRaisesOneBurstSignalAndEvent() throws Exception {
        ManagedHost h = HOST.host("logins", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path log = HOST.sshd().filesDir().resolve("auth-" + SecOpsHost.RUN + ".log");
        Files.write(log, syslog(now.minus(Duration.ofMinutes(20)), 15, Duration.ofSeconds(5), "203.0.113.50"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        HOST.clearEvents();
        List<SecuritySignal> s = HOST.ops().scanLogins(SecOpsHost.OPS, h.name(), Duration.ofHours(1), log.toString());
        assertEquals(1, s.size(), s.toString());
        assertEquals(15, s.get(0).count());
        assertTrue(s.get(0).summary().contains("203.0.113.50"), s.get(0).summary());
        Event e = HOST.event(Topics.SECURITY_LOGIN_BURST, h.name());
        assertNotNull(e);
        assertEquals(0, HOST.ops().scanLogins(SecOpsHost.OPS, h.name(), Duration.ofHours(1), log.toString()).size(),
                "a burst is signalled once");
        assertEquals(0, HOST.ops().scanLogins(SecOpsHost.OPS, h.name(), Duration.ofMinutes(10), log.toString())
                .size(), "failures before the look-back do not count");
    }

    @Test
    void aChangedHostKeyEventOfTheSshBundleBecomesASecuritySignal() throws Exception {
        String host = "hk-" + SecOpsHost.RUN + ".test";
        Osgi.service(EventAdmin.class).sendEvent(new Event(Topics.SECURITY_HOST_KEY_CHANGED,
                Map.of(EventProperties.HOST, host, EventProperties.PORT, 22, EventProperties.FINGERPRINT,
                        "SHA256:new", EventProperties.KNOWN_FINGERPRINT, "SHA256:old", EventProperties.SUMMARY,
                        "SSH host key of " + host + ":22 changed")));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        SecuritySignal found = null;
        while (found == null && System.nanoTime() < end) {
            found = HOST.ops().signals(SecOpsHost.OPS, 50).stream()
                    .filter(x -> x.kind() == SecuritySignal.Kind.HOST_KEY_CHANGED && x.host().equals(host + ":22"))
                    .findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertNotNull(found, "the changed host key is a security signal");
    }
}
