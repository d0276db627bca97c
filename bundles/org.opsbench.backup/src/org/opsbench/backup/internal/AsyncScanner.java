package org.opsbench.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.opsbench.backup.internal.archive.Pipe;
import org.opsbench.backup.internal.archive.TarScanner;

/**
 * A {@link TarScanner} on a thread of its own: the per-file SHA-256 of the manifest is computed beside the archive's
 * compression, encryption, digest and write instead of before them. What is written is handed over through a bounded
 * {@link Pipe}; {@link #close()} waits for the scanner and fails as it failed (a truncated or damaged tar stream), so
 * the archive's writer sees the scanner's verdict before it completes the archive.
 */
final class AsyncScanner extends OutputStream {

    private final TarScanner scanner = new TarScanner();
    private final Pipe pipe = new Pipe(128);
    private final OutputStream sink = pipe.sink();
    private final Future<?> scanning;
    private boolean closed;

    AsyncScanner(ExecutorService io) {
        scanning = io.submit(() -> {
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = pipe.source()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    scanner.write(buffer, 0, n);
                }
                scanner.close();
            } catch (IOException | RuntimeException e) {
                pipe.abort(e); // the writer fails on its next write
                throw e;
            }
            return null;
        });
    }

    /** The scanner; its entries are complete after {@link #close()}. */
    TarScanner scanner() {
        return scanner;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sink.write(b, off, len);
    }

    /** Ends the stream and waits for the scanner's verdict. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        pipe.finish();
        try {
            scanning.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(e);
            throw new java.io.InterruptedIOException("interrupted while the manifest was built");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io
                    ? new IOException(io.getMessage(), io)
                    : new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** Stops the scanner (the run failed). */
    void abort(Throwable cause) {
        pipe.abort(cause);
    }
}
