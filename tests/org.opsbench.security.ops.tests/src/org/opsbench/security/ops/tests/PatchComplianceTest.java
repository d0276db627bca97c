package org.opsbench.security.ops.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.security.ops.ComplianceDay;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.security.ops.PatchStatus;
import org.opsbench.security.ops.PendingUpdate;
import org.opsbench.security.ops.internal.collect.PatchOutput;

/** apt and dnf output captured on real hosts, and a real apt check of this machine over the sshd fixture. */
class PatchComplianceTest {

    @RegisterExtension
    static final SecOpsHost HOST = new SecOpsHost();

    @Test
    void aptGetSimulatedUpgradeListsEveryInstAndMarksSecurityOrigins() throws Exception {
        String text = Fixtures.read("apt-get-s-upgrade.txt");
        List<PendingUpdate> p = PatchOutput.aptSimulate(text);
        assertEquals(text.lines().filter(l -> l.startsWith("Inst ")).count(), p.size());
        assertEquals(text.lines().filter(l -> l.startsWith("Inst ") && l.contains("-security")).count(),
                p.stream().filter(PendingUpdate::security).count());
        PendingUpdate bash = p.stream().filter(u -> u.packageName().equals("bash")).findFirst().orElseThrow();
        assertEquals(new PendingUpdate("bash", "5.2.15-2+b8", "5.2.15-2+b13", "Debian:12.15/oldstable", false),
                bash);
        PendingUpdate gcrypt = p.stream().filter(u -> u.packageName().equals("libgcrypt20")).findFirst()
                .orElseThrow();
        assertTrue(gcrypt.security());
        assertEquals("1.10.1-3+deb12u1", gcrypt.candidate());
    }

    @Test
    void aptListUpgradableMarksSecurityPockets() throws Exception {
        List<PendingUpdate> p = PatchOutput.aptList(Fixtures.read("apt-list-upgradable.txt"));
        PendingUpdate https = p.stream().filter(u -> u.packageName().equals("apt-transport-https")).findFirst()
                .orElseThrow();
        assertEquals(new PendingUpdate("apt-transport-https", "2.6.1", "2.6.2", "oldstable-security", true), https);
        assertTrue(p.stream().anyMatch(u -> !u.security()));
    }

    @Test
    void dnfCheckUpdateJoinedWithUpdateinfoSecurityMarksSecurityUpdates() throws Exception {
        List<PendingUpdate> p = PatchOutput.dnf(Fixtures.read("dnf-updateinfo-list-security.txt"),
                Fixtures.read("dnf-check-update.txt"));
        assertEquals(List.of("curl", "kernel", "nghttp2-libs", "openssl", "openssl-libs", "tzdata"),
                p.stream().map(PendingUpdate::packageName).toList());
        assertEquals(5, p.stream().filter(PendingUpdate::security).count());
        assertFalse(p.get(5).security());
        assertTrue(p.get(3).origin().contains("ALSA-2024:2387"), p.get(3).origin());
    }

    @Test
    void aRealAptCheckOverSshMatchesTheLocalSimulationAndTheComplianceTrendFollowsThePolicy() throws Exception {
        ManagedHost h = HOST.host("patch", "");
        Instant now = Instant.now();
        HOST.at(now);
        try {
            PatchStatus s = HOST.ops().checkPatches(SecOpsHost.OPS, h.name());
            assertEquals("", s.error());
            assertEquals("apt", s.manager());
            Process local = new ProcessBuilder("apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade").start();
            String out = new String(local.getInputStream().readAllBytes());
            local.waitFor();
            List<PendingUpdate> expected = PatchOutput.aptSimulate(out);
            assertEquals(expected.size(), s.pending().size());
            assertEquals(expected.stream().filter(PendingUpdate::security).count(), s.security());
            assertTrue(s.lastUpdate() != null && s.lastUpdate().isBefore(now.plusSeconds(5)));
            assertTrue(s.compliant(), "security updates seen for the first time are within the policy");

            HOST.at(now.plus(Duration.ofDays(15)));
            PatchStatus later = HOST.ops().checkPatches(SecOpsHost.OPS, h.name());
            assertEquals(s.security() == 0, later.compliant(),
                    "pending security updates older than 14 days break the policy");
            List<ComplianceDay> trend = HOST.ops().complianceTrend(SecOpsHost.OPS, 30);
            ComplianceDay last = trend.get(trend.size() - 1);
            assertEquals(LocalDate.ofInstant(now.plus(Duration.ofDays(15)), ZoneOffset.UTC), last.day());
            assertTrue(trend.stream().anyMatch(d -> d.day().equals(LocalDate.ofInstant(now, ZoneOffset.UTC))));
        } finally {
            HOST.runtime().clock(java.time.Clock.systemUTC());
        }
    }
}
