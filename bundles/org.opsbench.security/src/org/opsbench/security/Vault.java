package org.opsbench.security;

import org.opsbench.core.Principal;

/**
 * Administration of the credential vault behind {@link org.opsbench.core.security.SecretStore}. Secrets are encrypted
 * with AES-GCM under a master key derived from a passphrase (PBKDF2), or, when the workspace has no passphrase, read
 * from the key file {@code <workspace>/security/vault.key} (0600; a warning is logged at start).
 */
public interface Vault {

    /** How the master key is obtained. */
    enum Mode {
        /** A random key in a 0600 file in the workspace. */
        KEY_FILE,
        /** A key derived from a passphrase that someone gives after each start. */
        PASSPHRASE
    }

    /** The current mode. */
    Mode mode();

    /** Whether secrets can be read and written now (a passphrase vault is locked until {@link #unlock}). */
    boolean isUnlocked();

    /**
     * Unlocks a passphrase vault.
     *
     * @param passphrase
     *            wiped by this method
     * @throws IllegalArgumentException
     *             "wrong master passphrase" when it does not open the vault
     */
    void unlock(char[] passphrase);

    /**
     * Re-encrypts every secret under a new master key in one transaction (all or nothing), and returns how many secrets
     * were re-encrypted. Needs {@value SecurityPermissions#VAULT_ROTATE}.
     *
     * @param newPassphrase
     *            the new passphrase (wiped), or {@code null} to switch to (or renew) a key file
     */
    int rotate(Principal actor, char[] newPassphrase);
}
