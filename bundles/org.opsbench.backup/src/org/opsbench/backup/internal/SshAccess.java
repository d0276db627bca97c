package org.opsbench.backup.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.core.Principal;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.SshTarget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SSH targets and keys from the vault, read as {@code system:backup}, and small shell helpers. A service so that the
 * targets and the runtime share it.
 */
@Component(service = SshAccess.class)
public final class SshAccess {

    /** The principal the area reads secrets as and runs scheduled work as. */
    public static final Principal PRINCIPAL = Principal.system("backup");

    private final SecretStore vault;

    /** On the vault. */
    @Activate
    public SshAccess(@Reference SecretStore vault) {
        this.vault = vault;
    }

    /** The value of the secret {@code alias}; the caller wipes it. */
    public byte[] secret(String alias, String field) {
        Optional<Secret> secret = vault.lookup(PRINCIPAL, alias);
        if (secret.isEmpty()) {
            throw new InvalidDefinitionException(field, "no secret '" + alias + "' in the vault");
        }
        try (Secret s = secret.get()) {
            return s.bytes();
        }
    }

    /** An SSH target; a private key when the secret looks like one, else a password. */
    public SshTarget target(String host, int port, String user, String alias, String fieldPrefix) {
        if (host == null || host.isBlank()) {
            throw new InvalidDefinitionException(fieldPrefix + "host", "required");
        }
        if (user == null || user.isBlank()) {
            throw new InvalidDefinitionException(fieldPrefix + "user", "required");
        }
        if (alias == null || alias.isBlank()) {
            throw new InvalidDefinitionException(fieldPrefix + "credentialAlias", "required");
        }
        byte[] value = secret(alias, fieldPrefix + "credentialAlias");
        String head = new String(value, 0, Math.min(value.length, 40), StandardCharsets.US_ASCII);
        Credential credential;
        if (head.contains("-----BEGIN")) {
            credential = new Credential.PrivateKey(value, null);
        } else {
            credential = new Credential.Password(new String(value, StandardCharsets.UTF_8).toCharArray());
            Arrays.fill(value, (byte) 0);
        }
        return new SshTarget(host, port <= 0 ? SshTarget.DEFAULT_PORT : port, user, credential);
    }

    /** {@code text} in single quotes for a POSIX shell. */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The output of a command that must succeed; else an IOException with its error output. */
    public static String requireSuccess(ExecResult result, String what) throws IOException {
        if (result instanceof ExecResult.Completed c) {
            if (c.exitCode() == 0) {
                return c.stdout();
            }
            throw new IOException(what + " failed with exit code " + c.exitCode() + ": " + c.stderr().strip());
        }
        throw new IOException(what + " failed: " + ((ExecResult.Failed) result).failure());
    }
}
