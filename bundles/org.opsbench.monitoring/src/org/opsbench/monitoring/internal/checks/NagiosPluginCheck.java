package org.opsbench.monitoring.internal.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.support.Values;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs a monitoring-plugins style program, only from the configured plugin directories: on this machine without a
 * shell, or with {@code remote=true} on the monitored host over SSH (each argument single-quoted for the remote POSIX
 * shell, {@code LC_ALL=C}). Exit codes 0..3 are OK, WARNING, CRITICAL, UNKNOWN; the output's first line is the summary
 * and its perfdata become metrics. {@code $HOSTADDRESS$} in an argument is replaced by the target's address.
 * <p>
 * Locally the plugin's real path (links resolved) must lie in an allowed directory; remotely the path is checked
 * lexically (absolute, no {@code .} or {@code ..} segments, inside an allowed directory), as the remote file system
 * cannot be looked at from here.
 */
@Component(service = CheckType.class, configurationPid = NagiosPluginCheck.PID, property = "checkType=nagios")
@Designate(ocd = NagiosConfig.class)
public final class NagiosPluginCheck implements ValidatingCheckType {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.monitoring.nagios";
    /** Parameter: the absolute path of the plugin program. */
    public static final String COMMAND = "command";
    /** Parameter: the arguments, one per line (no shell quoting). */
    public static final String ARGUMENTS = "arguments";
    /** Parameter: run the plugin on the monitored host over SSH. */
    public static final String REMOTE = "remote";

    private volatile List<Path> directories;
    private volatile List<Path> lexicalDirectories;

    // only remote runs need SSH: local plugins work without it
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SshChecks ssh;

    @Activate
    public NagiosPluginCheck(NagiosConfig config) {
        modified(config);
    }

    @Modified
    void modified(NagiosConfig config) {
        List<Path> real = new ArrayList<>();
        List<Path> lexical = new ArrayList<>();
        for (String entry : config.pluginDirectories()) {
            // a FileInstall .cfg gives a list as one comma-separated string
            for (String dir : entry == null ? new String[0] : entry.split(",")) {
                if (!dir.isBlank()) {
                    real.add(real(Path.of(dir.strip())));
                    lexical.add(Path.of(dir.strip()).toAbsolutePath().normalize());
                }
            }
        }
        lexicalDirectories = List.copyOf(lexical);
        directories = List.copyOf(real);
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
                Parameter.optional(ARGUMENTS, "Arguments, one per line", Parameter.Type.STRING, ""),
                Parameter.optional(REMOTE, "Run on the host over SSH", Parameter.Type.BOOLEAN, "false"));
    }

    @Override
    public void validate(Map<String, String> parameters) throws ParameterException {
        Values<ParameterException> values = ParameterException.reader(parameters);
        String command = values.required(COMMAND);
        boolean remote = values.bool(REMOTE, false);
        Optional<String> refusal = lexicalRefusal(command);
        // a local plugin may also be reached through a link into an allowed directory, if it exists here
        if (refusal.isPresent() && (remote || refusal(command).isPresent())) {
            throw values.invalid(COMMAND, refusal.get());
        }
        if (parameters.getOrDefault(ARGUMENTS, "").indexOf('\0') >= 0) {
            throw values.invalid(ARGUMENTS, "must not contain a NUL character");
        }
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        String command = context.parameter(COMMAND, "");
        boolean remote;
        try {
            remote = ParameterException.reader(context.parameters()).bool(REMOTE, false);
        } catch (ParameterException e) {
            return CheckResult.of(Health.UNKNOWN, e.getMessage());
        }
        Optional<String> refusal = remote ? lexicalRefusal(command) : refusal(command);
        if (refusal.isPresent()) {
            return CheckResult.of(Health.UNKNOWN, refusal.get());
        }
        List<String> line = new ArrayList<>();
        line.add(command);
        String address = context.address() == null ? "" : context.address();
        context.parameter(ARGUMENTS, "").lines().filter(arg -> !arg.isEmpty())
                .map(arg -> arg.replace("$HOSTADDRESS$", address)).forEach(line::add);
        return remote ? runRemote(context, line) : runLocal(context, line);
    }

    private CheckResult runLocal(CheckContext context, List<String> line) throws InterruptedException {
        String command = line.get(0);
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
        return PluginResults.of(Health.ofExitCode(outcome.exitCode()), outcome.output(), command);
    }

    private CheckResult runRemote(CheckContext context, List<String> line) throws InterruptedException {
        SshChecks runner = ssh;
        if (runner == null) {
            return CheckResult.of(Health.UNKNOWN, "SSH UNKNOWN - no SSH service is running: cannot run "
                    + line.get(0) + " on the host");
        }
        // env works from any login shell; C locale: numbers with a point, as the perfdata parser expects
        StringBuilder remote = new StringBuilder("env LC_ALL=C");
        line.forEach(part -> remote.append(' ').append(PluginResults.shellQuote(part)));
        return switch (runner.exec(context, remote.toString())) {
            case SshChecks.Run.NotRun notRun -> notRun.result();
            case SshChecks.Run.Ended ended -> SshCommandCheck.result(ended.completed(), line.get(0));
        };
    }

    /** Why {@code command} may not run here, or empty when it may. */
    Optional<String> refusal(String command) {
        Optional<String> notAbsolute = notAbsolute(command);
        if (notAbsolute.isPresent()) {
            return notAbsolute;
        }
        Path path = Path.of(command);
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

    /** Why {@code command} may not run, judged by its text alone (the remote rule), or empty when it may. */
    Optional<String> lexicalRefusal(String command) {
        Optional<String> notAbsolute = notAbsolute(command);
        if (notAbsolute.isPresent()) {
            return notAbsolute;
        }
        Path path = Path.of(command);
        if (!path.normalize().equals(path) || command.contains("/./") || command.endsWith("/.")) {
            return Optional.of("plugin " + command + " is outside the allowed plugin directories "
                    + lexicalDirectories + " (no . or .. in the path)");
        }
        if (lexicalDirectories.stream().noneMatch(dir -> path.getParent() != null && path.startsWith(dir))) {
            return Optional.of(
                    "plugin " + command + " is outside the allowed plugin directories " + lexicalDirectories);
        }
        return Optional.empty();
    }

    private static Optional<String> notAbsolute(String command) {
        try {
            return Path.of(command).isAbsolute()
                    ? Optional.empty()
                    : Optional.of("plugin path must be absolute: " + command);
        } catch (InvalidPathException e) {
            return Optional.of("not a path: " + Values.printable(command));
        }
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
