package org.opsbench.monitoring.internal.checks;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckParameters;
import org.opsbench.monitoring.internal.support.SecretUnavailableException;
import org.opsbench.monitoring.internal.support.VaultSecrets;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs one command on a monitored host over SSH for the check types that need it ({@code ssh-command},
 * {@code ssh-metrics}, {@code nagios} with {@code remote=true}). The target comes from the host's {@code ssh.*}
 * parameters, the credential from the vault by alias: a {@code PASSWORD} secret logs in with the password, an
 * {@code SSH_PRIVATE_KEY} secret with the (unencrypted) key. Sessions are the {@link RemoteShell}'s, pooled per host
 * name, port, user and credential; host keys are checked strictly.
 * <p>
 * When the command cannot run, the result says why, deliberately: a <b>changed host key</b> is CRITICAL (a possible
 * man-in-the-middle must be looked at, never hidden as UNKNOWN); everything else that keeps the command from running or
 * ending (unknown host key, refused credential, host unreachable or refusing connections, broken connection, no end
 * within the timeout, missing SSH settings or secret) is UNKNOWN: the check cannot tell the state of what it checks,
 * and whether the host itself is down is the host check's verdict.
 */
@Component(service = SshChecks.class)
public final class SshChecks {

    /** What a run gave: the command's end, or the result to report instead. */
    public sealed interface Run permits Run.Ended, Run.NotRun {

        /** The command ran and ended with its exit code and output. */
        record Ended(ExecResult.Completed completed) implements Run {
        }

        /** The command did not run or did not end; {@code result} says why. */
        record NotRun(CheckResult result) implements Run {
        }
    }

    private final RemoteShell shell;
    private final VaultSecrets secrets;

    /** With the SSH service and the vault. */
    @Activate
    public SshChecks(@Reference RemoteShell shell, @Reference VaultSecrets secrets) {
        this.shell = shell;
        this.secrets = secrets;
    }

    /**
     * Runs {@code command} through the remote user's shell on the host of {@code context}, within its timeout.
     *
     * @throws InterruptedException
     *             when the scheduler gave up on the run
     */
    public Run exec(CheckContext context, String command) throws InterruptedException {
        String host = context.parameter(CheckParameters.HOST_NAME, context.address());
        String user = context.parameter(CheckParameters.SSH_USER, null);
        if (user == null || user.isBlank()) {
            return notRun("host " + host + " has no SSH user: set one in the host definition");
        }
        String alias = context.parameter(CheckParameters.SSH_CREDENTIAL, null);
        if (alias == null || alias.isBlank()) {
            return notRun("host " + host + " has no SSH credential: name its vault alias in the host definition");
        }
        int port;
        try {
            port = Integer.parseInt(context.parameter(CheckParameters.SSH_PORT, "22").strip());
        } catch (NumberFormatException e) {
            return notRun("host " + host + " has no valid SSH port");
        }
        Credential credential;
        try {
            credential = credential(alias);
        } catch (SecretUnavailableException e) {
            return notRun("the SSH credential of host " + host + ": " + e.getMessage());
        }
        try {
            SshTarget target;
            try {
                target = new SshTarget(context.address(), port, user, credential);
            } catch (IllegalArgumentException e) {
                return notRun("host " + host + ": " + e.getMessage());
            }
            ExecResult result = shell.exec(target, command, context.timeout());
            if (Thread.interrupted()) {
                throw new InterruptedException("the check of " + host + " was cancelled");
            }
            return switch (result) {
                case ExecResult.Completed completed -> new Run.Ended(completed);
                case ExecResult.Failed failed -> new Run.NotRun(failure(failed.failure(), context.timeout()));
            };
        } finally {
            // the shell copies what it needs while connecting; this copy of the secret ends here
            wipe(credential);
        }
    }

    /** The result for an SSH failure: CRITICAL for a changed host key, else UNKNOWN (see the class comment). */
    static CheckResult failure(SshFailure failure, Duration timeout) {
        return switch (failure.kind()) {
            case CHANGED_HOST_KEY -> CheckResult.of(Health.CRITICAL, "SSH CRITICAL - " + failure.reason());
            case TIMEOUT -> CheckResult.of(Health.UNKNOWN,
                    "SSH UNKNOWN - timed out after " + TcpCheck.seconds(timeout.toMillis()) + " s: "
                            + failure.reason());
            case UNKNOWN_HOST_KEY -> CheckResult.of(Health.UNKNOWN,
                    "SSH UNKNOWN - " + failure.reason() + " (opsbench:host-approve or the SSH Known Hosts view)");
            default -> CheckResult.of(Health.UNKNOWN, "SSH UNKNOWN - " + failure.reason());
        };
    }

    private Credential credential(String alias) throws SecretUnavailableException {
        VaultSecrets.Value secret = secrets.lookup(alias);
        switch (secret.kind()) {
            case PASSWORD -> {
                CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(secret.value()));
                char[] password = new char[decoded.remaining()];
                decoded.get(password);
                Arrays.fill(decoded.array(), '\0');
                VaultSecrets.wipe(secret.value());
                return new Credential.Password(password);
            }
            case SSH_PRIVATE_KEY -> {
                return new Credential.PrivateKey(secret.value(), null);
            }
            default -> {
                VaultSecrets.wipe(secret.value());
                throw new SecretUnavailableException(alias,
                        "is a " + secret.kind() + ", not a PASSWORD or SSH_PRIVATE_KEY", null);
            }
        }
    }

    private static void wipe(Credential credential) {
        switch (credential) {
            case Credential.Password p -> Arrays.fill(p.password(), '\0');
            case Credential.PrivateKey k -> VaultSecrets.wipe(k.keyText());
        }
    }

    private static Run notRun(String why) {
        return new Run.NotRun(CheckResult.of(Health.UNKNOWN, "SSH UNKNOWN - " + why));
    }
}
