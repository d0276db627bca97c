package org.opsbench.ssh;

import java.util.Objects;

/**
 * Why an SSH operation failed, for humans and for code.
 *
 * @param kind
 *            what went wrong, never {@code null}
 * @param reason
 *            one line for humans, such as {@code connection refused by 127.0.0.1:2222}; never contains a password, key
 *            or passphrase
 * @param offeredKey
 *            for {@link Kind#UNKNOWN_HOST_KEY} and {@link Kind#CHANGED_HOST_KEY}: the key the host offered, else
 *            {@code null}
 * @param knownKey
 *            for {@link Kind#CHANGED_HOST_KEY}: the key the known hosts hold for that host, else {@code null}
 */
public record SshFailure(Kind kind, String reason, HostKey offeredKey, HostKey knownKey) {

    /** The closed set of failure kinds. */
    public enum Kind {
        /** The host name does not resolve or the network has no route to it. */
        UNREACHABLE,
        /** Nothing listens on the port. */
        CONNECTION_REFUSED,
        /** The host refused the credential (or a private key could not be read). */
        AUTH_FAILED,
        /** The operation did not finish within its timeout; remote work was cancelled. */
        TIMEOUT,
        /** The host offered a key the known hosts do not hold; see {@link SshFailure#offeredKey()}. */
        UNKNOWN_HOST_KEY,
        /** The host offered a key other than the known one: possibly an attack. Both keys are given. */
        CHANGED_HOST_KEY,
        /** An SFTP transfer failed (missing file or folder, no permission, disk full). */
        TRANSFER_FAILED,
        /** The connection broke or the server spoke unexpectedly. */
        PROTOCOL_ERROR
    }

    /** Validates the components. */
    public SshFailure {
        Objects.requireNonNull(kind, "SshFailure.kind is required");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("SshFailure.reason must not be blank");
        }
    }

    /** A failure without host keys. */
    public static SshFailure of(Kind kind, String reason) {
        return new SshFailure(kind, reason, null, null);
    }

    @Override
    public String toString() {
        return kind + ": " + reason;
    }
}
