package org.opsbench.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

import org.opsbench.backup.internal.archive.Hex;

/** Counts what passes, and digests it (SHA-256) unless told not to. */
final class CountingOutputStream extends FilterOutputStream {

    private final AtomicLong count;
    private final MessageDigest digest;
    private String hex;

    CountingOutputStream(OutputStream out, AtomicLong count) {
        this(out, count, true);
    }

    CountingOutputStream(OutputStream out, AtomicLong count, boolean digesting) {
        super(out);
        this.count = count;
        this.digest = digesting ? Hex.sha256() : null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (digest != null) {
            digest.update(b, off, len);
        }
        count.addAndGet(len);
    }

    @Override
    public void close() throws IOException {
        if (hex == null && digest != null) {
            hex = Hex.of(digest.digest());
        }
        out.close();
    }

    /** The hex SHA-256, after close. */
    String sha256() {
        return hex;
    }
}
