package org.opsbench.core.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * A secret value (password, private key, token) handed out by a {@link SecretStore}. It never renders its value in
 * {@link #toString()}, and {@link #destroy()} wipes the copy the caller holds.
 */
public final class Secret implements Destroyable, AutoCloseable {

    private final String alias;
    private final byte[] value;
    private boolean destroyed;

    /** Wraps a copy of {@code value}. */
    public Secret(String alias, byte[] value) {
        this.alias = alias;
        this.value = value.clone();
    }

    /** A secret from characters (a password), stored as UTF-8. */
    public static Secret ofChars(String alias, char[] value) {
        var buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(value));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return new Secret(alias, bytes);
    }

    /** The alias this secret was stored under. */
    public String alias() {
        return alias;
    }

    /** A copy of the value; the caller wipes it after use. */
    public byte[] bytes() {
        checkAlive();
        return value.clone();
    }

    /** The value as characters (for passwords); the caller wipes the array after use. */
    public char[] chars() {
        checkAlive();
        var buffer = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(value));
        char[] chars = new char[buffer.remaining()];
        buffer.get(chars);
        Arrays.fill(buffer.array(), '\0');
        return chars;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret '" + alias + "' was destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(value, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Secret[" + alias + ", ****]";
    }
}
