package org.opsbench.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded byte pipe between one writer thread and one reader thread. The writer blocks while the pipe is full (back
 * pressure reaches the SSH window). The reader sees end of stream only after {@link #finish()}; after
 * {@link #abort(Throwable)} both sides get an {@link IOException} instead, so a reader never mistakes a broken source
 * for a complete one.
 */
public final class Pipe {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private volatile Throwable failure;
    private final Sink sink = new Sink();
    private final Source source = new Source();

    /** A pipe holding up to {@code chunks} written chunks. */
    public Pipe(int chunks) {
        queue = new ArrayBlockingQueue<>(chunks);
    }

    /** The writing end; {@link OutputStream#close()} does nothing, use {@link #finish()}. */
    public OutputStream sink() {
        return sink;
    }

    /** The reading end. */
    public InputStream source() {
        return source;
    }

    /** Marks the end of a complete stream. */
    public void finish() throws IOException {
        put(END);
    }

    /** Breaks the pipe: both ends fail from now on with {@code cause}. */
    public void abort(Throwable cause) {
        if (failure == null) {
            failure = cause == null ? new IOException("aborted") : cause;
        }
        queue.clear();
        queue.offer(END);
    }

    private void check() throws IOException {
        Throwable f = failure;
        if (f != null) {
            throw f instanceof IOException io
                    ? new IOException(io.getMessage(), io)
                    : new IOException(String.valueOf(f.getMessage()), f);
        }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                check();
            }
            check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                byte[] copy = new byte[len];
                System.arraycopy(b, off, copy, 0, len);
                put(copy);
            }
        }
    }

    private final class Source extends InputStream {
        private byte[] current;
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current == null || position == current.length) {
                check();
                if (ended) {
                    return -1;
                }
                try {
                    byte[] next = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        continue;
                    }
                    if (next == END) {
                        check();
                        ended = true;
                        return -1;
                    }
                    current = next;
                    position = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading");
                }
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }
}
