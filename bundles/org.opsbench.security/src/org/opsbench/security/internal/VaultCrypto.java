package org.opsbench.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of secret values. A sealed value is {@code nonce (12 bytes) || ciphertext+tag}; the alias is the
 * associated data, so a sealed value copied to another alias no longer opens.
 */
public final class VaultCrypto {

    /** Sealed under the master key to recognise the right key (and refuse a wrong passphrase). */
    static final byte[] CHECK_PLAINTEXT = "opsbench-vault-check".getBytes(StandardCharsets.US_ASCII);
    static final String CHECK_ALIAS = "\0check";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private VaultCrypto() {
    }

    /** A fresh random 256-bit key. */
    public static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    /** A key from raw bytes (a key file). */
    public static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("a vault key file holds 32 bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The key derived from {@code passphrase} (PBKDF2-HMAC-SHA256). */
    public static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        return new SecretKeySpec(PasswordHasher.derive(passphrase, salt, iterations), "AES");
    }

    /** Random salt bytes. */
    public static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    public static byte[] seal(SecretKey key, String alias, byte[] plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(alias.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws IllegalArgumentException
     *             when the key is wrong or the value was altered
     */
    public static byte[] open(SecretKey key, String alias, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
            cipher.updateAAD(alias.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("wrong key, or the sealed value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** Whether {@code key} opens {@code check} (sealed {@link #CHECK_PLAINTEXT}). */
    public static boolean opensCheck(SecretKey key, byte[] check) {
        try {
            return java.util.Arrays.equals(CHECK_PLAINTEXT, open(key, CHECK_ALIAS, check));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static byte[] check(SecretKey key) {
        return seal(key, CHECK_ALIAS, CHECK_PLAINTEXT);
    }
}
