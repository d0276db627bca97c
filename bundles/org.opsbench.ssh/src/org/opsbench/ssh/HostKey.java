package org.opsbench.ssh;

/**
 * A host's public SSH key as the known hosts hold it or as the host offered it.
 *
 * @param host
 *            host name or address as written in {@code known_hosts} (a hashed entry shows its hash)
 * @param port
 *            TCP port
 * @param type
 *            key type, for example {@code ssh-ed25519}
 * @param fingerprint
 *            SHA-256 fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:<base64 without padding>}
 * @param base64Key
 *            the public key blob in base64, as in {@code known_hosts}
 */
public record HostKey(String host, int port, String type, String fingerprint, String base64Key) {

    /** Validates the components. */
    public HostKey {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("HostKey.host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("HostKey.port must be between 1 and 65535, was " + port);
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("HostKey.type must not be blank");
        }
        if (fingerprint == null || !fingerprint.startsWith("SHA256:")) {
            throw new IllegalArgumentException("HostKey.fingerprint must start with SHA256:, was " + fingerprint);
        }
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("HostKey.base64Key must not be blank");
        }
    }

    /** {@code host:port type fingerprint}, for lists and messages. */
    @Override
    public String toString() {
        return host + ":" + port + " " + type + " " + fingerprint;
    }
}
