package org.opsbench.ssh;

import java.util.Objects;

/**
 * Where to connect and as whom. The caller resolves the credential (for example from a
 * {@link org.opsbench.core.security.SecretStore}) and passes it in; {@link #toString()} never shows it.
 *
 * @param host
 *            host name or address, never blank
 * @param port
 *            TCP port, 1 to 65535
 * @param user
 *            login name on the remote host, never blank
 * @param credential
 *            how to authenticate, never {@code null}
 */
public record SshTarget(String host, int port, String user, Credential credential) {

    /** The standard SSH port. */
    public static final int DEFAULT_PORT = 22;

    /** Validates the components; each message names the field at fault. */
    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SshTarget.host must not be blank");
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == '[' || c == ']')) {
            throw new IllegalArgumentException("SshTarget.host must not contain spaces, commas or brackets: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SshTarget.port must be between 1 and 65535, was " + port);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("SshTarget.user must not be blank");
        }
        Objects.requireNonNull(credential, "SshTarget.credential is required");
    }

    /** A target on the standard port 22. */
    public static SshTarget of(String user, String host, Credential credential) {
        return new SshTarget(host, DEFAULT_PORT, user, credential);
    }

    /** {@code user@host:port (Password[****])}: the credential is shown by kind only. */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port + " (" + credential + ")";
    }
}
