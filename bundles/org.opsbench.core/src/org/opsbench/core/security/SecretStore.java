package org.opsbench.core.security;

import java.util.List;
import java.util.Optional;

import org.opsbench.core.Principal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Credentials by alias, encrypted at rest. Values go only to callers holding the permission to read them and never
 * appear in logs or exception messages.
 */
@ProviderType
public interface SecretStore {

    /** Kinds of secret, for listing and for choosing how to use one. */
    enum Kind {
        /** A password. */
        PASSWORD,
        /** An SSH private key (OpenSSH or PEM text). */
        SSH_PRIVATE_KEY,
        /** An API token. */
        TOKEN
    }

    /** What may be shown about a secret: never its value. */
    record Entry(String alias, Kind kind, String description) {
    }

    /**
     * The secret under {@code alias}, if any.
     *
     * @throws NotAllowedException
     *             when {@code caller} may not read secrets
     */
    Optional<Secret> lookup(Principal caller, String alias);

    /** Stores or replaces the secret under {@code alias}. */
    void store(Principal caller, String alias, Kind kind, String description, byte[] value);

    /** Deletes the secret under {@code alias}; returns whether there was one. */
    boolean delete(Principal caller, String alias);

    /** The aliases and their metadata. */
    List<Entry> list(Principal caller);
}
