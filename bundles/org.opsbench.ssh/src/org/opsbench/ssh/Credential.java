package org.opsbench.ssh;

import java.util.Objects;

/**
 * How to authenticate to a remote host. Implementations hold secrets: their {@link Object#toString()} is redacted, so a
 * secret never reaches a log line through them. Like every record with array components, two credentials are equal only
 * when they share the same arrays.
 */
public sealed interface Credential permits Credential.Password, Credential.PrivateKey {

    /**
     * Password authentication.
     *
     * @param password
     *            the password, never {@code null}; the array is used as given, not copied
     */
    record Password(char[] password) implements Credential {

        /** Validates the component. */
        public Password {
            Objects.requireNonNull(password, "Password.password is required");
        }

        @Override
        public String toString() {
            return "Password[****]";
        }
    }

    /**
     * Public-key authentication with a private key in OpenSSH or PEM format.
     *
     * @param keyText
     *            the private key file's content, never {@code null} or empty
     * @param passphrase
     *            the key's passphrase, or {@code null} for an unencrypted key
     */
    record PrivateKey(byte[] keyText, char[] passphrase) implements Credential {

        /** Validates the components. */
        public PrivateKey {
            Objects.requireNonNull(keyText, "PrivateKey.keyText is required");
            if (keyText.length == 0) {
                throw new IllegalArgumentException("PrivateKey.keyText must not be empty");
            }
        }

        @Override
        public String toString() {
            return passphrase == null ? "PrivateKey[****]" : "PrivateKey[****, passphrase ****]";
        }
    }
}
