package org.opsbench.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The form of API token secrets, {@code obt_<id>_<random>}: 12 base32 characters of public id (the lookup key), then 32
 * random bytes in base64url. Only the SHA-256 of a secret is stored. A plain hash is right here, unlike for passwords:
 * the secret has 256 bits of entropy, so there is nothing to guess from the hash, and a fast hash keeps every API call
 * cheap. Comparisons are constant-time.
 */
public final class TokenSecrets {

    /** Prefix of every secret (lets secret scanners recognise a leaked one). */
    public static final String PREFIX = "obt_";
    public static final int ID_LENGTH = 12;
    private static final int RANDOM_BYTES = 32;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    /** A new secret and its id. */
    public record Fresh(String id, String secret) {
        @Override
        public String toString() {
            return "Fresh[" + id + ", secret=***]";
        }
    }

    private TokenSecrets() {
    }

    public static Fresh fresh(SecureRandom random) {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = BASE32[random.nextInt(BASE32.length)];
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String ident = new String(id);
        return new Fresh(ident, PREFIX + ident + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The id part of a well-formed secret. */
    public static Optional<String> idOf(String secret) {
        if (secret == null || secret.length() < PREFIX.length() + ID_LENGTH + 2 || !secret.startsWith(PREFIX)
                || secret.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = secret.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        for (char ch : id.toCharArray()) {
            if (!(ch >= 'a' && ch <= 'z' || ch >= '2' && ch <= '7')) {
                return Optional.empty();
            }
        }
        return Optional.of(id);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes, as stored. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ. */
    public static boolean matches(String secret, String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
