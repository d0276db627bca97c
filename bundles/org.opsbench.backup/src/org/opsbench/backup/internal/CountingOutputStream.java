package org.opsbench.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

import org.opsbench.backup.internal.archive.Hex;

/** Counts and digests (SHA-256) what passes. */
final class CountingOutputStream extends FilterOutputStream {

    private final AtomicLong count;
    private final MessageDigest digest = Hex.sha256();
    private String hex;

    CountingOutputStream(OutputStream out, AtomicLong count) {
        super(out);
        this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count.addAndGet(len);
    }

    @Override
    public void close() throws IOException {
        if (hex == null) {
            hex = Hex.of(digest.digest());
        }
        out.close();
    }

    /** The hex SHA-256, after close. */
    String sha256() {
        return hex;
    }
}
