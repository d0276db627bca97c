package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.internal.checks.ParameterException;
import org.opsbench.monitoring.internal.checks.SystemLimits;
import org.opsbench.monitoring.internal.checks.SystemReport;

/**
 * The {@code ssh-metrics} parser and verdict on output captured from hosts ({@code samples/}): this Debian 12
 * container, a Debian 12 VM with snaps, Docker and a mount point with a space, RHEL 9 on LVM and xfs, and RHEL 6 (no
 * MemAvailable, bind mounts listed twice, a rootfs line).
 */
class SystemReportTest {

    private static final Set<String> SKIP = Set.of(SystemReport.DEFAULT_SKIP_TYPES.split(","));

    private static String sample(String name) throws IOException {
        try (InputStream in = SystemReportTest.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new AssertionError("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SystemReport parse(String name) throws IOException {
        return SystemReport.parse(sample(name), SKIP, List.of());
    }

    private static CheckResult verdict(String name, Map<String, String> limits) throws Exception {
        return SystemLimits.of(limits).verdict(parse(name));
    }

    private static List<String> mounts(SystemReport report) {
        return report.disks().stream().map(SystemReport.Disk::mount).toList();
    }

    private static double metric(CheckResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).findFirst().map(Metric::value)
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + result.metrics()));
    }

    @Test
    void debianContainerKeepsTheRootFileSystemOnly() throws Exception {
        SystemReport report = parse("debian-12-container.txt");

        assertEquals(new SystemReport.Load(3.39, 2.03, 1.24, 2), report.load());
        assertEquals(24683584L * 1024, report.memory().total());
        assertEquals(23594444L * 1024, report.memory().available());
        assertFalse(report.memory().estimated());
        assertEquals(0, report.memory().swapTotal());
        assertEquals(List.of("/"), mounts(report));
        SystemReport.Disk root = report.disks().get(0);
        assertEquals(new SystemReport.Disk("/dev/vda", "ext4", "/", 264212084, 25823968, 80566944), root);
    }

    @Test
    void debianContainerLoadPerCpuAboveTheDefaultWarning() throws Exception {
        CheckResult result = verdict("debian-12-container.txt", Map.of());

        assertEquals(Health.WARNING, result.health(), result.summary());
        assertEquals("SYSTEM WARNING - load1 3.39 (1.70 per CPU) (warning above 1.5); load 3.39 2.03 1.24 on 2"
                + " CPUs, memory 4.4% used, disk / 24.3% used", result.summary());
        assertEquals(List.of("load1", "load5", "load15", "cpus", "mem_used_pct", "mem_available", "mem_total",
                "disk_used_pct:/", "disk_avail:/"), result.metrics().stream().map(Metric::name).toList());
    }

    @Test
    void debianVmSkipsPseudoMemoryImageAndContainerFileSystemsAndUnescapesMountPoints() throws Exception {
        SystemReport report = parse("debian-12-vm.txt");

        assertEquals(List.of("/", "/boot/efi", "/srv/backup data"), mounts(report));
        assertEquals("vfat", report.disks().get(1).type());
        assertEquals(998396L * 1024, report.memory().swapTotal());
    }

    @Test
    void debianVmNamesTheFullestDiskFirst() throws Exception {
        CheckResult result = verdict("debian-12-vm.txt", Map.of());

        assertEquals(Health.CRITICAL, result.health());
        assertEquals("SYSTEM CRITICAL - disk /srv/backup data 97.4% used (critical above 90%) (+1 more); load 0.42"
                + " 0.57 0.61 on 4 CPUs, memory 87.4% used, disk /srv/backup data 97.4% used (fullest of 3)",
                result.summary());
        assertEquals(38.65, metric(result, "swap_used_pct"), 0.01);
        assertEquals((998396L - 612508L) * 1024, metric(result, "swap_used"));
        assertEquals(11554016.0 * 1024, metric(result, "disk_avail:/"));
    }

    @Test
    void debianVmWithLimitsThatOnlyTheRootDiskReachesIsWarning() throws Exception {
        CheckResult result = verdict("debian-12-vm.txt", Map.of("mounts", "", "diskWarning", "80",
                "diskCritical", "99"));

        assertEquals(Health.WARNING, result.health(), result.summary());
        assertTrue(result.summary().startsWith("SYSTEM WARNING - disk /srv/backup data 97.4% used (warning above 80%)"
                + " (+1 more); "), result.summary());
    }

    @Test
    void rhel9CriticalVarOutranksTheMemoryWarning() throws Exception {
        CheckResult result = verdict("rhel-9.txt", Map.of());

        assertEquals(Health.CRITICAL, result.health());
        assertEquals("SYSTEM CRITICAL - disk /var 95.2% used (critical above 90%) (+1 more); load 7.91 6.40 5.02 on"
                + " 8 CPUs, memory 93.5% used, disk /var 95.2% used (fullest of 5)", result.summary());
        assertEquals(List.of("/", "/boot", "/var", "/boot/efi", "/home"), mounts(parse("rhel-9.txt")));
        assertEquals(0, metric(result, "swap_used_pct"));
    }

    @Test
    void rhel9LoadLimitsCanBeAbsolute() throws Exception {
        CheckResult result = verdict("rhel-9.txt", Map.of("loadPerCpu", "false", "loadWarning", "5",
                "loadCritical", "7,7,7", "diskWarning", "99", "diskCritical", "99", "memoryWarning", "99",
                "memoryCritical", "99"));

        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().startsWith("SYSTEM CRITICAL - load1 7.91 (critical above 7) (+2 more); "),
                result.summary());
    }

    @Test
    void rhel6EstimatesAvailableMemoryAndListsABindMountOnce() throws Exception {
        SystemReport report = parse("rhel-6.txt");

        assertTrue(report.memory().estimated());
        assertEquals((181112L + 244700 + 2689076) * 1024, report.memory().available());
        assertEquals(List.of("/", "/boot", "/home"), mounts(report));
        assertEquals("ext4", report.disks().get(0).type(), "the real mount hides the rootfs line");
        CheckResult result = SystemLimits.of(Map.of()).verdict(report);
        assertEquals(Health.CRITICAL, result.health());
        assertTrue(result.summary().startsWith("SYSTEM CRITICAL - disk / 90.5% used (critical above 90%); load 0.00"
                + " 0.01 0.05 on 2 CPUs, memory 20.6% used (estimated), "), result.summary());
    }

    @Test
    void askedMountPointsAreReadFromTheirOwnSections() {
        String output = String.join("\n", "@@opsbench:loadavg@@", "0.10 0.20 0.30 1/100 42", "@@opsbench:cpus@@",
                "1", "@@opsbench:meminfo@@", "MemTotal: 1000 kB", "MemAvailable: 500 kB", "@@opsbench:mounts@@",
                "/dev/sda1 / ext4 rw 0 0", "/dev/sdb1 /var xfs rw 0 0", "@@opsbench:df:/var@@",
                "Filesystem 1024-blocks Used Available Capacity Mounted on",
                "/dev/sdb1 1000 900 100 90% /var", "@@opsbench:df:/data@@",
                "Filesystem 1024-blocks Used Available Capacity Mounted on", "/dev/sda1 2000 100 1900 5% /",
                "@@opsbench:df:/gone@@", "");

        SystemReport report = SystemReport.parse(output, SKIP, List.of("/var", "/data", "/gone"));

        assertEquals(List.of("/var"), mounts(report));
        assertEquals(List.of("nothing is mounted at /data (it is on /)", "no file system at /gone"),
                report.missing());
        assertEquals(50.0, report.memory().usedPercent());
    }

    @Test
    void outputWithoutLinuxFiguresIsRefusedSayingWhat() {
        IllegalArgumentException load = assertThrows(IllegalArgumentException.class,
                () -> SystemReport.parse("@@opsbench:loadavg@@\ncat: /proc/loadavg: No such file\n", SKIP,
                        List.of()));
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> SystemReport.parse("@@opsbench:loadavg@@\n1 2 3 1/1 1\n@@opsbench:meminfo@@\n", SKIP,
                        List.of()));

        assertTrue(load.getMessage().contains("/proc/loadavg"), load.getMessage());
        assertTrue(memory.getMessage().contains("MemTotal"), memory.getMessage());
    }

    @Test
    void theCommandQuotesAskedMountPointsForTheShell() {
        String command = SystemReport.command(List.of("/srv/it's here"));

        assertTrue(command.contains("df -P -k '/srv/it'\\''s here'"), command);
        assertTrue(command.startsWith("echo '@@opsbench:loadavg@@'; cat /proc/loadavg; "), command);
    }

    @Test
    void limitsAreRefusedNamingTheParameter() {
        for (Map.Entry<String, String> bad : Map.of("loadWarning", "1,2", "diskWarning", "95", "memoryCritical",
                "101", "mounts", "var", "loadPerCpu", "yes").entrySet()) {
            ParameterException e = assertThrows(ParameterException.class, () -> SystemLimits.of(Map.of(bad.getKey(),
                    bad.getValue())), bad.toString());
            assertEquals(bad.getKey(), e.parameter(), e.getMessage());
        }
    }
}
