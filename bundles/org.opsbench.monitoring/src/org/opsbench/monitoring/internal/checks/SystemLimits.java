package org.opsbench.monitoring.internal.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.internal.support.Values;

/**
 * The limits of an {@code ssh-metrics} check and the verdict on a {@link SystemReport}: a figure above its critical
 * limit is CRITICAL, above its warning limit WARNING; the summary names the worst offender first (the highest state,
 * then the furthest past its limit).
 *
 * @param loadWarning
 *            load1, load5, load15 above which the state is WARNING
 * @param loadCritical
 *            load1, load5, load15 above which the state is CRITICAL
 * @param loadPerCpu
 *            whether the load limits are per online CPU
 * @param memoryWarning
 *            memory used in percent
 * @param memoryCritical
 *            memory used in percent
 * @param diskWarning
 *            file system used in percent
 * @param diskCritical
 *            file system used in percent
 * @param mounts
 *            the mount points to look at, or empty for every real file system
 * @param skipTypes
 *            file system types left out when no mount points are given
 */
public record SystemLimits(List<Double> loadWarning, List<Double> loadCritical, boolean loadPerCpu,
        double memoryWarning,
        double memoryCritical, double diskWarning, double diskCritical, List<String> mounts, Set<String> skipTypes) {

    static final String LOAD_WARNING = "loadWarning";
    static final String LOAD_CRITICAL = "loadCritical";
    static final String LOAD_PER_CPU = "loadPerCpu";
    static final String MEMORY_WARNING = "memoryWarning";
    static final String MEMORY_CRITICAL = "memoryCritical";
    static final String DISK_WARNING = "diskWarning";
    static final String DISK_CRITICAL = "diskCritical";
    static final String MOUNTS = "mounts";
    static final String SKIP_TYPES = "skipTypes";

    static final String DEFAULT_LOAD_WARNING = "1.5,1.25,1";
    static final String DEFAULT_LOAD_CRITICAL = "2,1.75,1.5";
    static final double DEFAULT_MEMORY_WARNING = 90;
    static final double DEFAULT_MEMORY_CRITICAL = 95;
    static final double DEFAULT_DISK_WARNING = 80;
    static final double DEFAULT_DISK_CRITICAL = 90;

    private static final String[] LOADS = {"load1", "load5", "load15"};

    /** Reads and checks the parameters; the refusal names the parameter. */
    public static SystemLimits of(Map<String, String> parameters) throws ParameterException {
        Values<ParameterException> values = ParameterException.reader(parameters);
        List<Double> loadWarning = loads(values, LOAD_WARNING, DEFAULT_LOAD_WARNING);
        List<Double> loadCritical = loads(values, LOAD_CRITICAL, DEFAULT_LOAD_CRITICAL);
        for (int i = 0; i < 3; i++) {
            if (loadWarning.get(i) > loadCritical.get(i)) {
                throw values.invalid(LOAD_WARNING, "must not be above " + LOAD_CRITICAL + " (" + LOADS[i] + ")");
            }
        }
        double memoryWarning = values.decimal(MEMORY_WARNING, DEFAULT_MEMORY_WARNING, 0, 100);
        double memoryCritical = values.decimal(MEMORY_CRITICAL, DEFAULT_MEMORY_CRITICAL, 0, 100);
        if (memoryWarning > memoryCritical) {
            throw values.invalid(MEMORY_WARNING, "must not be above " + MEMORY_CRITICAL);
        }
        double diskWarning = values.decimal(DISK_WARNING, DEFAULT_DISK_WARNING, 0, 100);
        double diskCritical = values.decimal(DISK_CRITICAL, DEFAULT_DISK_CRITICAL, 0, 100);
        if (diskWarning > diskCritical) {
            throw values.invalid(DISK_WARNING, "must not be above " + DISK_CRITICAL);
        }
        List<String> mounts = values.list(MOUNTS);
        for (String mount : mounts) {
            if (!mount.startsWith("/") || mount.chars().anyMatch(Character::isISOControl)) {
                throw values.invalid(MOUNTS, "must be absolute mount points separated by commas, was '"
                        + Values.printable(mount) + "'");
            }
        }
        Set<String> skip = new HashSet<>(values.optional(SKIP_TYPES) == null
                ? List.of(SystemReport.DEFAULT_SKIP_TYPES.split(","))
                : values.list(SKIP_TYPES));
        return new SystemLimits(loadWarning, loadCritical, values.bool(LOAD_PER_CPU, true), memoryWarning,
                memoryCritical, diskWarning, diskCritical, mounts, Set.copyOf(skip));
    }

    private static List<Double> loads(Values<ParameterException> values, String name, String fallback)
            throws ParameterException {
        String text = values.optional(name, fallback);
        String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != 3) {
            throw values.invalid(name, "must be one load or three (load1,load5,load15), was '"
                    + Values.printable(text) + "'");
        }
        List<Double> loads = new ArrayList<>();
        for (String part : parts) {
            loads.add(values.decimal(name, part, 0, 100_000));
        }
        return parts.length == 1 ? List.of(loads.get(0), loads.get(0), loads.get(0)) : List.copyOf(loads);
    }

    /** One figure past a limit. */
    private record Finding(Health health, double beyond, String text) {
    }

    /** The result for {@code report}: state, summary and metrics. */
    public CheckResult verdict(SystemReport report) {
        List<Finding> findings = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        SystemReport.Load load = report.load();
        double[] loads = {load.one(), load.five(), load.fifteen()};
        int cpus = load.cpus() > 0 ? load.cpus() : 1;
        double divisor = loadPerCpu ? cpus : 1;
        for (int i = 0; i < 3; i++) {
            metrics.add(new Metric(LOADS[i], loads[i], ""));
            String perCpu = loadPerCpu ? String.format(Locale.ROOT, " (%.2f per CPU)", loads[i] / divisor) : "";
            check(findings, loads[i] / divisor, loadWarning.get(i), loadCritical.get(i),
                    LOADS[i] + " " + fixed(loads[i]) + perCpu, "");
        }
        if (load.cpus() > 0) {
            metrics.add(new Metric("cpus", load.cpus(), ""));
        }
        SystemReport.Memory memory = report.memory();
        metrics.add(new Metric("mem_used_pct", memory.usedPercent(), "%"));
        metrics.add(new Metric("mem_available", memory.available(), "B"));
        metrics.add(new Metric("mem_total", memory.total(), "B"));
        check(findings, memory.usedPercent(), memoryWarning, memoryCritical,
                "memory " + percent(memory.usedPercent()) + " used", "%");
        if (memory.swapTotal() > 0) {
            metrics.add(new Metric("swap_used_pct", memory.swapUsedPercent(), "%"));
            metrics.add(new Metric("swap_used", memory.swapTotal() - memory.swapFree(), "B"));
        }
        SystemReport.Disk fullest = null;
        for (SystemReport.Disk disk : report.disks()) {
            metrics.add(new Metric("disk_used_pct:" + disk.mount(), disk.usedPercent(), "%"));
            metrics.add(new Metric("disk_avail:" + disk.mount(), disk.availableKb() * 1024.0, "B"));
            check(findings, disk.usedPercent(), diskWarning, diskCritical,
                    "disk " + disk.mount() + " " + percent(disk.usedPercent()) + " used", "%");
            if (fullest == null || disk.usedPercent() > fullest.usedPercent()) {
                fullest = disk;
            }
        }
        for (String why : report.missing()) {
            findings.add(new Finding(Health.CRITICAL, Double.MAX_VALUE, why));
        }
        findings.sort(Comparator.comparing(Finding::health).thenComparing(Finding::beyond).reversed());
        Health health = findings.isEmpty() ? Health.OK : findings.get(0).health();
        StringBuilder summary = new StringBuilder("SYSTEM ").append(health).append(" - ");
        if (!findings.isEmpty()) {
            summary.append(findings.get(0).text());
            if (findings.size() > 1) {
                summary.append(" (+").append(findings.size() - 1).append(" more)");
            }
            summary.append("; ");
        }
        summary.append("load ").append(fixed(load.one())).append(' ').append(fixed(load.five())).append(' ')
                .append(fixed(load.fifteen())).append(load.cpus() > 0 ? " on " + load.cpus() + " CPUs" : "")
                .append(", memory ").append(percent(memory.usedPercent())).append(" used")
                .append(memory.estimated() ? " (estimated)" : "");
        if (fullest == null) {
            summary.append(", no file system");
        } else {
            int n = report.disks().size();
            summary.append(", disk ").append(fullest.mount()).append(' ').append(percent(fullest.usedPercent()))
                    .append(" used").append(n > 1 ? " (fullest of " + n + ")" : "");
        }
        return new CheckResult(health, summary.toString(), metrics);
    }

    private static void check(List<Finding> findings, double value, double warning, double critical, String what,
            String unit) {
        if (value > critical) {
            findings.add(new Finding(Health.CRITICAL, ratio(value, critical),
                    what + " (critical above " + Values.plain(critical) + unit + ")"));
        } else if (value > warning) {
            findings.add(new Finding(Health.WARNING, ratio(value, warning),
                    what + " (warning above " + Values.plain(warning) + unit + ")"));
        }
    }

    private static double ratio(double value, double limit) {
        return limit <= 0 ? Double.MAX_VALUE / 2 : value / limit;
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
