package org.opsbench.monitoring.internal.checks;

import java.util.List;
import java.util.Map;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Parameter;
import org.opsbench.monitoring.internal.support.Values;
import org.opsbench.ssh.ExecResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs a command on the host over SSH, as a Nagios plugin would run: exit code 0, 1, 2 are OK, WARNING, CRITICAL,
 * anything else (3, 127, a signal) UNKNOWN; the first line of standard output is the summary (the first line of
 * standard error when there is no output), perfdata after {@code |} become metrics. When the command cannot run at all,
 * {@link SshChecks} says why.
 */
@Component(service = CheckType.class, property = "checkType=ssh-command")
public final class SshCommandCheck implements ValidatingCheckType {

    /** Parameter: the command line, run by the remote user's login shell. */
    public static final String COMMAND = "command";

    private static final int MAX_COMMAND = 8192;

    private final SshChecks ssh;

    /** With the SSH runner. */
    @Activate
    public SshCommandCheck(@Reference SshChecks ssh) {
        this.ssh = ssh;
    }

    @Override
    public String id() {
        return "ssh-command";
    }

    @Override
    public String displayName() {
        return "SSH command";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required(COMMAND, "Command (run by the remote user's shell)", Parameter.Type.STRING));
    }

    @Override
    public void validate(Map<String, String> parameters) throws ParameterException {
        command(ParameterException.reader(parameters));
    }

    private static String command(Values<ParameterException> values) throws ParameterException {
        String command = values.required(COMMAND);
        if (command.length() > MAX_COMMAND) {
            throw values.invalid(COMMAND, "is longer than " + MAX_COMMAND + " characters");
        }
        if (command.indexOf('\0') >= 0) {
            throw values.invalid(COMMAND, "must not contain a NUL character");
        }
        return command;
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        String command;
        try {
            command = command(ParameterException.reader(context.parameters()));
        } catch (ParameterException e) {
            return CheckResult.of(Health.UNKNOWN, "SSH UNKNOWN - " + e.getMessage());
        }
        return switch (ssh.exec(context, command)) {
            case SshChecks.Run.NotRun notRun -> notRun.result();
            case SshChecks.Run.Ended ended -> result(ended.completed(), command);
        };
    }

    /** The result of a command that ended. */
    static CheckResult result(ExecResult.Completed done, String command) {
        int code = done.exitCode();
        String output = done.stdout().isBlank() && !done.stderr().isBlank()
                ? PluginResults.firstLine(done.stderr())
                : done.stdout();
        CheckResult result = PluginResults.of(Health.ofExitCode(code), output, command);
        if (code >= 0 && code <= 3) {
            return result;
        }
        String why = code < 0 ? " (ended by a signal)" : " (exit code " + code + ")";
        return new CheckResult(result.health(), result.summary() + why, result.metrics());
    }
}
