package org.opsbench.backup.internal.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over a stream of any length, in segments (as in the STREAM construction): a header {@code OBKENC1\n} plus
 * a random 7-byte nonce prefix, then segments of up to {@value #SEGMENT} plaintext bytes, each sealed with its own
 * 16-byte tag under the nonce {@code prefix || counter (4 bytes) || last (1 byte)} and the header as associated data.
 * Segments cannot be reordered, dropped or cut off without the decryption failing; nothing is buffered beyond one
 * segment (JDK's one-shot GCM decryption would hold the whole archive in memory).
 */
public final class SegmentedCipher {

    /** Plaintext bytes per segment. */
    public static final int SEGMENT = 1 << 20;
    private static final byte[] MAGIC = "OBKENC1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = 7;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SegmentedCipher() {
    }

    /** Whether {@code key} is 32 bytes raw, 64 hex digits or Base64 of 32 bytes; returns the 32 bytes. */
    public static byte[] key(byte[] secret) {
        if (secret.length == 32) {
            return secret.clone();
        }
        String text = new String(secret, StandardCharsets.US_ASCII).trim();
        try {
            if (text.length() == 64) {
                return java.util.HexFormat.of().parseHex(text);
            }
            byte[] decoded = java.util.Base64.getDecoder().decode(text);
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new IllegalArgumentException("the key must be 32 bytes (raw, 64 hex digits or Base64)");
    }

    /** An encrypting stream writing to {@code out}; {@link OutputStream#close()} seals the last segment. */
    public static OutputStream encrypt(byte[] key, OutputStream out) throws IOException {
        byte[] header = new byte[MAGIC.length + PREFIX];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        System.arraycopy(prefix, 0, header, MAGIC.length, PREFIX);
        out.write(header);
        return new OutputStream() {
            private final byte[] buffer = new byte[SEGMENT];
            private int fill;
            private int counter;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (fill == SEGMENT) {
                        // only now is it known that this full segment is not the last one
                        out.write(seal(key, header, prefix, counter++, false, buffer, fill));
                        fill = 0;
                    }
                    int n = Math.min(len, SEGMENT - fill);
                    System.arraycopy(b, off, buffer, fill, n);
                    fill += n;
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    out.write(seal(key, header, prefix, counter, true, buffer, fill));
                    out.close();
                }
            }
        };
    }

    private static byte[] nonce(byte[] prefix, int counter, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
    }

    private static byte[] seal(byte[] key, byte[] header, byte[] prefix, int counter, boolean last, byte[] data,
            int len) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG * 8, nonce(prefix, counter, last)));
            c.updateAAD(header);
            return c.doFinal(data, 0, len);
        } catch (GeneralSecurityException e) {
            throw new IOException("encryption failed: " + e.getMessage(), e);
        }
    }

    /** A decrypting stream over {@code in}; it fails on any tampering, truncation or wrong key. */
    public static InputStream decrypt(byte[] key, InputStream in) throws IOException {
        byte[] header = in.readNBytes(MAGIC.length + PREFIX);
        if (header.length < MAGIC.length + PREFIX || !Arrays.equals(MAGIC, Arrays.copyOf(header, MAGIC.length))) {
            throw new IOException("not an encrypted archive (no OBKENC1 header)");
        }
        byte[] prefix = Arrays.copyOfRange(header, MAGIC.length, header.length);
        return new InputStream() {
            private byte[] plain = new byte[0];
            private int position;
            private byte[] next = in.readNBytes(SEGMENT + TAG);
            private int counter;
            private boolean done;

            private boolean fill() throws IOException {
                while (position == plain.length) {
                    if (done) {
                        return false;
                    }
                    byte[] segment = next;
                    boolean last = segment.length < SEGMENT + TAG;
                    if (!last) {
                        next = in.readNBytes(SEGMENT + TAG);
                        last = next.length == 0;
                    }
                    if (segment.length < TAG) {
                        throw new EOFException("the encrypted archive is truncated");
                    }
                    try {
                        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                                new GCMParameterSpec(TAG * 8, nonce(prefix, counter++, last)));
                        c.updateAAD(header);
                        plain = c.doFinal(segment);
                    } catch (GeneralSecurityException e) {
                        throw new IOException("segment " + (counter - 1) + " fails authentication: wrong key, or "
                                + "the archive is damaged or truncated");
                    }
                    position = 0;
                    done = last;
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                return fill() ? plain[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, plain.length - position);
                System.arraycopy(plain, position, b, off, n);
                position += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
