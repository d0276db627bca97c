package org.opsbench.monitoring.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.PerfValue;
import org.opsbench.monitoring.PerfdataException;
import org.opsbench.monitoring.PluginOutput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs a monitoring-plugins style program on this machine, never through a shell, and only from the configured plugin
 * directories. Exit codes 0..3 are OK, WARNING, CRITICAL, UNKNOWN; the output's first line is the summary and its
 * perfdata become metrics. {@code $HOSTADDRESS$} in an argument is replaced by the target's address.
 */
@Component(service = CheckType.class, configurationPid = NagiosPluginCheck.PID, property = "checkType=nagios")
@Designate(ocd = NagiosConfig.class)
public final class NagiosPluginCheck implements CheckType {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.monitoring.nagios";
    /** Parameter: the absolute path of the plugin program. */
    public static final String COMMAND = "command";
    /** Parameter: the arguments, one per line (no shell quoting). */
    public static final String ARGUMENTS = "arguments";

    private volatile List<Path> directories;

    @Activate
    public NagiosPluginCheck(NagiosConfig config) {
        modified(config);
    }

    @Modified
    void modified(NagiosConfig config) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : config.pluginDirectories()) {
            // a FileInstall .cfg gives a list as one comma-separated string
            for (String dir : entry == null ? new String[0] : entry.split(",")) {
                if (!dir.isBlank()) {
                    dirs.add(real(Path.of(dir.strip())));
                }
            }
        }
        directories = List.copyOf(dirs);
    }

    /** The directories plugins may run from, resolved. */
    public List<Path> pluginDirectories() {
        return directories;
    }

    @Override
    public String id() {
        return "nagios";
    }

    @Override
    public String displayName() {
        return "Nagios plugin";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required(COMMAND, "Plugin (absolute path)", Parameter.Type.STRING),
                Parameter.optional(ARGUMENTS, "Arguments, one per line", Parameter.Type.STRING, ""));
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        String command = context.parameter(COMMAND, "");
        Optional<String> refusal = refusal(command);
        if (refusal.isPresent()) {
            return CheckResult.of(Health.UNKNOWN, refusal.get());
        }
        List<String> line = new ArrayList<>();
        line.add(command);
        String address = context.address() == null ? "" : context.address();
        context.parameter(ARGUMENTS, "").lines().filter(arg -> !arg.isEmpty())
                .map(arg -> arg.replace("$HOSTADDRESS$", address)).forEach(line::add);
        PluginRunner.Outcome outcome;
        try {
            outcome = PluginRunner.run(line, context.timeout());
        } catch (IOException e) {
            return CheckResult.of(Health.UNKNOWN, "cannot run " + command + ": " + e.getMessage());
        }
        if (outcome.timedOut()) {
            return CheckResult.of(Health.UNKNOWN,
                    "timed out after " + TcpCheck.seconds(context.timeout().toMillis()) + " s: " + command);
        }
        return result(Health.ofExitCode(outcome.exitCode()), outcome.output(), command);
    }

    /** The result for a plugin's exit state and output; bad perfdata is named in the summary, not fatal. */
    static CheckResult result(Health health, String output, String command) {
        PluginOutput parsed = PluginOutput.parse(output);
        String summary = parsed.summary().isEmpty() ? "(no output from " + command + ")" : parsed.summary();
        try {
            List<Metric> metrics = parsed.metrics().stream().map(PerfValue::toMetric).flatMap(Optional::stream)
                    .toList();
            return new CheckResult(health, summary, metrics);
        } catch (PerfdataException e) {
            return CheckResult.of(health, summary + " (perfdata ignored: " + e.getMessage() + ")");
        }
    }

    /** Why {@code command} may not run, or empty when it may. */
    Optional<String> refusal(String command) {
        Path path;
        try {
            path = Path.of(command);
        } catch (InvalidPathException e) {
            return Optional.of("not a path: " + command);
        }
        if (!path.isAbsolute()) {
            return Optional.of("plugin path must be absolute: " + command);
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("no such plugin: " + command);
        }
        Path real = real(path);
        if (directories.stream().noneMatch(dir -> real.getParent() != null && real.startsWith(dir))) {
            return Optional.of("plugin " + command + " is outside the allowed plugin directories " + directories);
        }
        if (!Files.isExecutable(real)) {
            return Optional.of("plugin is not executable: " + command);
        }
        return Optional.empty();
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            // a directory that does not exist (yet) still counts, normalized so ".." cannot escape it
            return path.toAbsolutePath().normalize();
        }
    }
}
