package org.opsbench.security.ops.internal.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.security.ops.InvalidInputException;
import org.opsbench.security.ops.ManagedHost;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Runs the scans' scripts on a managed host over SSH, its login from the vault (read as {@code system:secops}). */
@Component(service = Remote.class)
public final class Remote {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final RemoteShell shell;
    private final SecretStore vault;

    /** On the SSH service and the vault. */
    @Activate
    public Remote(@Reference RemoteShell shell, @Reference SecretStore vault) {
        this.shell = shell;
        this.vault = vault;
    }

    /** The output of {@code script} on {@code host}; a failure to connect or a non-zero exit is an exception. */
    public String run(ManagedHost host, String script) {
        ExecResult result = shell.exec(target(host), script, TIMEOUT);
        if (result instanceof ExecResult.Completed c) {
            if (c.exitCode() == 0) {
                return c.stdout();
            }
            throw new IllegalStateException(host.name() + ": the command failed with exit code " + c.exitCode()
                    + ": " + c.stderr().strip());
        }
        throw new IllegalStateException(host.name() + ": " + ((ExecResult.Failed) result).failure());
    }

    private SshTarget target(ManagedHost h) {
        if (h.address().isBlank()) {
            throw new InvalidInputException("address", "host " + h.name() + " has no SSH address");
        }
        if (h.user().isBlank()) {
            throw new InvalidInputException("user", "host " + h.name() + " has no SSH user");
        }
        Optional<Secret> secret = vault.lookup(SecOpsRuntime.SYSTEM, h.credentialAlias());
        if (secret.isEmpty()) {
            throw new InvalidInputException("credentialAlias", "no secret '" + h.credentialAlias() + "' in the vault");
        }
        byte[] value;
        try (Secret s = secret.get()) {
            value = s.bytes();
        }
        String head = new String(value, 0, Math.min(value.length, 40), StandardCharsets.US_ASCII);
        Credential credential;
        if (head.contains("-----BEGIN")) {
            credential = new Credential.PrivateKey(value, null);
        } else {
            credential = new Credential.Password(new String(value, StandardCharsets.UTF_8).toCharArray());
            Arrays.fill(value, (byte) 0);
        }
        return new SshTarget(h.address(), h.port(), h.user(), credential);
    }
}
