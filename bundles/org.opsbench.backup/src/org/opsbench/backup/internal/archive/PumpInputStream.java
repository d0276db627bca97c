package org.opsbench.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Turns a chain of output filters (tar scanning, gzip, encryption, digest) into an input stream, without a thread: each
 * read pulls from the source, pushes it through the chain and returns what came out at its end.
 */
public final class PumpInputStream extends InputStream {

    private final InputStream source;
    private final OutputStream head;
    private final byte[] chunk = new byte[256 * 1024];
    private byte[] out = new byte[512 * 1024];
    private int start;
    private int end;
    private boolean eof;

    /** Pulls from {@code source} through the chain {@code build} makes on top of the given end. */
    public PumpInputStream(InputStream source, Function<OutputStream, OutputStream> build) {
        this.source = source;
        this.head = build.apply(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (end + len > out.length) {
                    if (end - start + len > out.length) {
                        byte[] bigger = new byte[Math.max(out.length * 2, end - start + len)];
                        System.arraycopy(out, start, bigger, 0, end - start);
                        out = bigger;
                    } else {
                        System.arraycopy(out, start, out, 0, end - start);
                    }
                    end -= start;
                    start = 0;
                }
                System.arraycopy(b, off, out, end, len);
                end += len;
            }
        });
    }

    private boolean fill() throws IOException {
        while (start == end) {
            if (eof) {
                return false;
            }
            int n = source.read(chunk);
            if (n < 0) {
                eof = true;
                head.close();
            } else if (n > 0) {
                head.write(chunk, 0, n);
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? out[start++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, end - start);
        System.arraycopy(out, start, b, off, n);
        start += n;
        return n;
    }
}
