package org.opsbench.server.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;

/**
 * Writes the OSGi log of the server to {@code <workspace>/logs/opsbench-server.log}, one line an entry, rolling the
 * file over at {@link #MAX_BYTES} and keeping {@link #KEPT} old files.
 */
final class ServerLog implements LogListener, AutoCloseable {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int KEPT = 5;

    private final Path file;
    private Writer out;
    private long written;

    ServerLog(Path workspace) throws IOException {
        Path folder = workspace.resolve("logs");
        Files.createDirectories(folder);
        file = folder.resolve("opsbench-server.log");
        open();
    }

    Path file() {
        return file;
    }

    @Override
    public void logged(LogEntry entry) {
        // Equinox logs every bundle and service event at INFO: keep only the ones that report a problem
        if (entry.getLoggerName() != null && entry.getLoggerName().startsWith("Events.")
                && !LogLevel.WARN.implies(entry.getLogLevel())) {
            return;
        }
        StringBuilder line = new StringBuilder(160).append(Instant.ofEpochMilli(entry.getTime())).append(' ')
                .append(String.format("%-5s", entry.getLogLevel())).append(" [")
                .append(entry.getBundle().getSymbolicName()).append("] ").append(entry.getMessage());
        if (entry.getException() != null) {
            line.append(" | ").append(entry.getException());
        }
        write(line.toString());
    }

    /** Appends one line (for the server's own start and stop lines). */
    synchronized void write(String line) {
        try {
            if (out == null) {
                return;
            }
            if (written > MAX_BYTES) {
                roll();
            }
            out.write(line);
            out.write('\n');
            out.flush();
            written += line.length() + 1;
        } catch (IOException e) {
            // the log is the place we would report this; keep the server running without it
            out = null;
        }
    }

    private void open() throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    private void roll() throws IOException {
        out.close();
        for (int i = KEPT - 1; i >= 1; i--) {
            Path older = file.resolveSibling(file.getFileName() + "." + i);
            if (Files.exists(older)) {
                Files.move(older, file.resolveSibling(file.getFileName() + "." + (i + 1)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // closing at shutdown: nothing left to tell
        }
        out = null;
    }
}
