package org.opsbench.backup.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Stream plumbing: copies of what passes go to a second stream. */
final class Tee {

    private Tee() {
    }

    /** Writes go to {@code first}, then {@code second}; close closes both, first first. */
    static OutputStream of(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                first.write(b, off, len);
                second.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                first.close();
                second.close();
            }
        };
    }

    /** What is read from {@code in} is also written to {@code copy}; at end of stream {@code copy} is closed. */
    static InputStream reading(InputStream in, OutputStream copy) {
        return new FilterInputStream(in) {
            private boolean closed;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    copy.write(b, off, n);
                } else if (n < 0 && !closed) {
                    closed = true;
                    copy.close();
                }
                return n;
            }
        };
    }

    /** An output stream that drops everything. */
    static OutputStream nowhere() {
        return OutputStream.nullOutputStream();
    }
}
