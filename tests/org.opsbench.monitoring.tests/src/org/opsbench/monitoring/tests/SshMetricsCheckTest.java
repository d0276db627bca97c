package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.CiRef;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.testing.SshdExtension;

/**
 * The {@code ssh-metrics} check against this machine through a real sshd: what it reads over SSH is compared with what
 * the test reads here directly ({@code /proc/meminfo}, {@code getconf}, the JDK's view of {@code /}).
 */
class SshMetricsCheckTest {

    @RegisterExtension
    static final SshHosts HOSTS = new SshHosts();
    private static final SshdExtension SSHD = HOSTS.sshd();

    private static final CiRef HOST = new CiRef("h1", "host", "mon");
    /** Limits nothing reaches: the state is OK whatever the machine does. */
    private static final Map<String, String> LENIENT = Map.of("loadWarning", "100000", "loadCritical", "100000",
            "memoryWarning", "100", "memoryCritical", "100", "diskWarning", "100", "diskCritical", "100");

    @TempDir
    static Path folder;
    private static CheckResult run(Map<String, String> limits, String... keyValues) throws Exception {
        Map<String, String> parameters = HOSTS.parameters("mon-06.test");
        parameters.putAll(limits);
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        CheckType type = Osgi.service(CheckType.class, "(checkType=ssh-metrics)");
        return type.run(new CheckContext(HOST, "mon-06.test", parameters, Duration.ofSeconds(20)));
    }

    private static Optional<Metric> metric(CheckResult result, String name) {
        return result.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static double value(CheckResult result, String name) {
        return metric(result, name).map(Metric::value)
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + result.metrics()));
    }

    private static long meminfo(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new AssertionError("no " + key + " in /proc/meminfo");
    }

    private static int onlineCpus() throws Exception {
        Process getconf = new ProcessBuilder("getconf", "_NPROCESSORS_ONLN").start();
        String out = new String(getconf.getInputStream().readAllBytes()).strip();
        assertEquals(0, getconf.waitFor());
        return Integer.parseInt(out);
    }

    @Test
    void readsThisHostsLoadMemoryAndFileSystems() throws Exception {
        CheckResult result = run(LENIENT);

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().matches("SYSTEM OK - load [0-9.]+ [0-9.]+ [0-9.]+ on \\d+ CPUs, memory [0-9.]+%"
                + " used, disk /\\S* [0-9.]+% used.*"), result.summary());
        for (String load : List.of("load1", "load5", "load15")) {
            assertTrue(value(result, load) >= 0, load);
        }
        assertEquals(onlineCpus(), value(result, "cpus"));
        assertEquals(meminfo("MemTotal"), value(result, "mem_total"));
        assertEquals("B", metric(result, "mem_total").orElseThrow().unit());
        double used = value(result, "mem_used_pct");
        assertTrue(used > 0 && used < 100, "memory used " + used);
        assertTrue(value(result, "mem_available") <= value(result, "mem_total"));
        assertEquals(meminfo("SwapTotal") > 0, metric(result, "swap_used_pct").isPresent());

        FileStore root = Files.getFileStore(Path.of("/"));
        long usedBytes = root.getTotalSpace() - root.getUnallocatedSpace();
        double expected = usedBytes * 100.0 / (usedBytes + root.getUsableSpace());
        Metric disk = metric(result, "disk_used_pct:/").orElseThrow(() -> new AssertionError(result.metrics()));
        assertEquals("%", disk.unit());
        // the same figures as df's, read a moment apart while other processes write
        assertEquals(expected, disk.value(), 1.0, "used share of / as the JDK sees it");
        assertTrue(metric(result, "disk_avail:/").isPresent());
        assertTrue(result.metrics().stream().noneMatch(m -> m.name().startsWith("disk_used_pct:/proc")
                || m.name().startsWith("disk_used_pct:/sys") || m.name().equals("disk_used_pct:/dev/shm")),
                "pseudo and memory file systems are left out: " + result.metrics());
    }

    @Test
    void theWorstOffenderIsNamedFirst() throws Exception {
        Map<String, String> limits = new HashMap<>(LENIENT);
        limits.putAll(Map.of("diskWarning", "0", "diskCritical", "0", "memoryWarning", "0", "mounts", "/"));

        CheckResult result = run(limits);

        assertEquals(Health.CRITICAL, result.health(), result.summary());
        assertTrue(result.summary().matches("SYSTEM CRITICAL - disk / [0-9.]+% used \\(critical above 0%\\)"
                + " \\(\\+1 more\\); load .*"), result.summary());
    }

    @Test
    void memoryAboveItsWarningLimitIsWarning() throws Exception {
        Map<String, String> limits = new HashMap<>(LENIENT);
        limits.put("memoryWarning", "0");

        CheckResult result = run(limits);

        assertEquals(Health.WARNING, result.health(), result.summary());
        assertTrue(result.summary().matches("SYSTEM WARNING - memory [0-9.]+% used \\(warning above 0%\\); .*"),
                result.summary());
    }

    @Test
    void askedMountPointsAreCheckedAndAMissingOneIsCritical() throws Exception {
        CheckResult root = run(LENIENT, "mounts", "/");
        CheckResult notMounted = run(LENIENT, "mounts", "/," + folder);
        CheckResult missing = run(LENIENT, "mounts", "/no/such/dir");

        assertEquals(Health.OK, root.health(), root.summary());
        assertEquals(List.of("disk_used_pct:/", "disk_avail:/"),
                root.metrics().stream().map(Metric::name).filter(n -> n.startsWith("disk_")).toList());
        assertEquals(Health.CRITICAL, notMounted.health());
        assertTrue(
                notMounted.summary().startsWith("SYSTEM CRITICAL - nothing is mounted at " + folder + " (it is on /"),
                notMounted.summary());
        assertEquals(Health.CRITICAL, missing.health());
        assertTrue(missing.summary().startsWith("SYSTEM CRITICAL - no file system at /no/such/dir; "),
                missing.summary());
        assertFalse(missing.metrics().stream().anyMatch(m -> m.name().startsWith("disk_")));
    }
}
