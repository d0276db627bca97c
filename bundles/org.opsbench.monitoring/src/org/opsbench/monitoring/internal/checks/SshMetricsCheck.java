package org.opsbench.monitoring.internal.checks;

import java.util.List;
import java.util.Map;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.support.Values;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Load, memory and disk usage of a Linux host in one SSH round trip ({@link SystemReport}), judged against limits per
 * kind ({@link SystemLimits}). Metrics: {@code load1}, {@code load5}, {@code load15}, {@code cpus},
 * {@code mem_used_pct} (%), {@code mem_available} and {@code mem_total} (B), {@code swap_used_pct} (%) and
 * {@code swap_used} (B) when there is swap, and per file system {@code disk_used_pct:<mount>} (%) and
 * {@code disk_avail:<mount>} (B). Output that holds no load or memory figures is UNKNOWN.
 */
@Component(service = CheckType.class, property = "checkType=ssh-metrics")
public final class SshMetricsCheck implements ValidatingCheckType {

    private final SshChecks ssh;

    /** With the SSH runner. */
    @Activate
    public SshMetricsCheck(@Reference SshChecks ssh) {
        this.ssh = ssh;
    }

    @Override
    public String id() {
        return "ssh-metrics";
    }

    @Override
    public String displayName() {
        return "SSH metrics (load, memory, disks)";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.optional(SystemLimits.LOAD_WARNING, "Load warning (load1,load5,load15)",
                        Parameter.Type.STRING, SystemLimits.DEFAULT_LOAD_WARNING),
                Parameter.optional(SystemLimits.LOAD_CRITICAL, "Load critical (load1,load5,load15)",
                        Parameter.Type.STRING, SystemLimits.DEFAULT_LOAD_CRITICAL),
                Parameter.optional(SystemLimits.LOAD_PER_CPU, "Load limits per CPU", Parameter.Type.BOOLEAN, "true"),
                Parameter.optional(SystemLimits.MEMORY_WARNING, "Memory used warning (%)", Parameter.Type.STRING,
                        Values.plain(SystemLimits.DEFAULT_MEMORY_WARNING)),
                Parameter.optional(SystemLimits.MEMORY_CRITICAL, "Memory used critical (%)", Parameter.Type.STRING,
                        Values.plain(SystemLimits.DEFAULT_MEMORY_CRITICAL)),
                Parameter.optional(SystemLimits.DISK_WARNING, "Disk used warning (%)", Parameter.Type.STRING,
                        Values.plain(SystemLimits.DEFAULT_DISK_WARNING)),
                Parameter.optional(SystemLimits.DISK_CRITICAL, "Disk used critical (%)", Parameter.Type.STRING,
                        Values.plain(SystemLimits.DEFAULT_DISK_CRITICAL)),
                Parameter.optional(SystemLimits.MOUNTS, "Mount points (comma-separated; empty: all)",
                        Parameter.Type.STRING, null),
                Parameter.optional(SystemLimits.SKIP_TYPES, "File system types left out", Parameter.Type.STRING,
                        SystemReport.DEFAULT_SKIP_TYPES));
    }

    @Override
    public void validate(Map<String, String> parameters) throws ParameterException {
        SystemLimits.of(parameters);
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        SystemLimits limits;
        try {
            limits = SystemLimits.of(context.parameters());
        } catch (ParameterException e) {
            return CheckResult.of(Health.UNKNOWN, "SYSTEM UNKNOWN - " + e.getMessage());
        }
        return switch (ssh.exec(context, SystemReport.command(limits.mounts()))) {
            case SshChecks.Run.NotRun notRun -> notRun.result();
            case SshChecks.Run.Ended ended -> {
                try {
                    // df ends with 1 when one file system cannot be read: the others still count
                    yield limits.verdict(
                            SystemReport.parse(ended.completed().stdout(), limits.skipTypes(), limits.mounts()));
                } catch (IllegalArgumentException e) {
                    String error = PluginResults.firstLine(ended.completed().stderr());
                    yield CheckResult.of(Health.UNKNOWN, "SYSTEM UNKNOWN - " + e.getMessage()
                            + (error.isEmpty() ? "" : " (" + Values.printable(error) + ")"));
                }
            }
        };
    }
}
