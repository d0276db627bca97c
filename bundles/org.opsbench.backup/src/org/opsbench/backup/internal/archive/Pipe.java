package org.opsbench.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded byte pipe between one writer thread and one reader thread. The writer blocks while the pipe is full (back
 * pressure reaches the SSH window). The reader sees end of stream only after {@link #finish()}; after
 * {@link #abort(Throwable)} both sides get an {@link IOException} instead, so a reader never mistakes a broken source
 * for a complete one.
 * <p>
 * Writes are gathered into chunks of a fixed size that are reused once read (no allocation, no zeroing per write, one
 * hand-over per chunk instead of one per SSH packet). A chunk is handed over when it is full, at {@link #finish()}, or
 * on {@link OutputStream#flush()} while the reader has nothing queued (so a slow source's bytes still flow).
 */
public final class Pipe {

    /** The chunk size of {@link #Pipe(int)}. */
    public static final int DEFAULT_CHUNK = 64 * 1024;

    private static final Chunk END = new Chunk(new byte[0]);

    private final BlockingQueue<Chunk> queue;
    private final ConcurrentLinkedQueue<Chunk> free = new ConcurrentLinkedQueue<>();
    private final int chunkSize;
    private volatile Throwable failure;
    private final Sink sink = new Sink();
    private final Source source = new Source();

    private static final class Chunk {
        final byte[] data;
        int length;

        Chunk(byte[] data) {
            this.data = data;
        }
    }

    /** A pipe holding up to {@code chunks} chunks of {@value #DEFAULT_CHUNK} bytes. */
    public Pipe(int chunks) {
        this(chunks, DEFAULT_CHUNK);
    }

    /** A pipe holding up to {@code chunks} chunks of {@code chunkSize} bytes. */
    public Pipe(int chunks, int chunkSize) {
        queue = new ArrayBlockingQueue<>(chunks + 1); // + 1: room for the end marker
        this.chunkSize = chunkSize;
    }

    /** The writing end; {@link OutputStream#close()} does nothing, use {@link #finish()}. */
    public OutputStream sink() {
        return sink;
    }

    /** The reading end. */
    public InputStream source() {
        return source;
    }

    /** Marks the end of a complete stream (after handing over what the sink still holds). */
    public void finish() throws IOException {
        sink.handOver();
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

    private void put(Chunk chunk) throws IOException {
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
        private Chunk current;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (current == null) {
                    check();
                    Chunk reused = free.poll();
                    current = reused != null ? reused : new Chunk(new byte[chunkSize]);
                    current.length = 0;
                }
                int n = Math.min(len, chunkSize - current.length);
                System.arraycopy(b, off, current.data, current.length, n);
                current.length += n;
                off += n;
                len -= n;
                if (current.length == chunkSize) {
                    handOver();
                }
            }
        }

        /** Hands over a partial chunk only if the reader is waiting: a busy reader gets full chunks. */
        @Override
        public synchronized void flush() throws IOException {
            if (queue.isEmpty()) {
                handOver();
            }
        }

        /** Synchronized: {@link Pipe#finish()} may come from another thread than the writes (after them). */
        synchronized void handOver() throws IOException {
            if (current != null && current.length > 0) {
                Chunk full = current;
                current = null;
                put(full);
            }
        }
    }

    private final class Source extends InputStream {
        private Chunk current;
        private int position;
        private boolean ended;
        private boolean endSeen;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        /** Blocks for the first chunk only, then takes whatever else is queued until {@code len} is filled. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!next(true)) {
                return -1;
            }
            int total = 0;
            do {
                int n = Math.min(len - total, current.length - position);
                System.arraycopy(current.data, position, b, off + total, n);
                position += n;
                total += n;
                if (position == current.length) {
                    free.offer(current);
                    current = null;
                }
            } while (total < len && next(false));
            return total;
        }

        /** Makes {@code current} a chunk with bytes left; false at the end (or, not waiting, when none is queued). */
        private boolean next(boolean wait) throws IOException {
            while (current == null) {
                check();
                if (ended) {
                    return false;
                }
                try {
                    Chunk next = endSeen ? END : wait ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
                    if (next == null) {
                        if (wait) {
                            continue;
                        }
                        return false;
                    }
                    if (next == END) {
                        if (!wait) {
                            endSeen = true; // the next read, which waits, reports it
                            return false;
                        }
                        check();
                        ended = true;
                        return false;
                    }
                    current = next;
                    position = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading");
                }
            }
            return true;
        }
    }
}
