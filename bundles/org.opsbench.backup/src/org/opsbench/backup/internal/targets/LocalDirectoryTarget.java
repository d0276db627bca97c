package org.opsbench.backup.internal.targets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.opsbench.core.spi.BackupTarget;
import org.opsbench.core.spi.Parameter;
import org.osgi.service.component.annotations.Component;

/**
 * Archives in a local folder (setting {@code folder}). A write goes to {@code .NAME.part-UUID} in the same folder, is
 * forced to disk and then renamed atomically: an interrupted write leaves no file under the name. While the write goes
 * on, a helper thread flushes what was written so far ({@code fdatasync}) every {@value #FLUSH_BEHIND} bytes, so the
 * disk works beside the stream and the final {@code fsync} before the rename only has the tail left.
 */
@Component(service = BackupTarget.class)
public final class LocalDirectoryTarget implements BackupTarget {

    /** Bytes read from the stream and written to the file at once. */
    static final int WRITE_BUFFER = 1 << 20;

    /** Bytes written between two background flushes of the temp file. */
    static final long FLUSH_BEHIND = 64L << 20;

    /** The target's id. */
    public static final String ID = "local-dir";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Local folder";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required("folder", "Folder", Parameter.Type.STRING));
    }

    static Path folder(Map<String, String> settings) {
        String folder = settings.get("folder");
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException("targetSettings.folder: required");
        }
        Path path = Path.of(folder);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("targetSettings.folder: must be an absolute path, was " + folder);
        }
        return path;
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("not an archive name: " + name);
        }
    }

    @Override
    public void store(Map<String, String> settings, String name, InputStream data) throws IOException {
        checkName(name);
        Path folder = folder(settings);
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + name + ".part-" + UUID.randomUUID());
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                // one direct buffer for the whole write: a large heap buffer makes the JDK take a temporary direct
                // buffer per write, which cost 4x the throughput of the whole write path on JDK 25 (1 MiB writes)
                byte[] buffer = new byte[WRITE_BUFFER];
                ByteBuffer direct = ByteBuffer.allocateDirect(WRITE_BUFFER);
                // a failed write closes the channel, which ends a flush still running
                FlushBehind flusher = new FlushBehind(channel);
                long unflushed = 0;
                int n;
                while ((n = data.read(buffer)) >= 0) {
                    direct.clear();
                    direct.put(buffer, 0, n).flip();
                    while (direct.hasRemaining()) {
                        channel.write(direct);
                    }
                    unflushed += n;
                    if (unflushed >= FLUSH_BEHIND && flusher.start()) {
                        unflushed = 0;
                    }
                }
                flusher.await();
                channel.force(true);
            }
            Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Background {@code fdatasync} of a file being written: at most one in flight; a failure is reported by
     * {@link #await()} (the write then fails, the temp file is removed).
     */
    private static final class FlushBehind {
        private final FileChannel channel;
        private Thread running;
        private volatile IOException failure;

        FlushBehind(FileChannel channel) {
            this.channel = channel;
        }

        /** Starts a flush unless one is still running; true if started. */
        boolean start() throws IOException {
            check();
            if (running != null && running.isAlive()) {
                return false;
            }
            running = Thread.ofPlatform().daemon().name("opsbench-local-dir-flush").start(() -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    failure = e;
                }
            });
            return true;
        }

        /** Waits for the running flush and reports its failure. */
        void await() throws IOException {
            if (running != null) {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while the archive was flushed");
                }
            }
            check();
        }

        private void check() throws IOException {
            if (failure != null) {
                throw new IOException("the archive could not be flushed to disk: " + failure.getMessage(), failure);
            }
        }
    }

    @Override
    public InputStream open(Map<String, String> settings, String name) throws IOException {
        checkName(name);
        return Files.newInputStream(folder(settings).resolve(name));
    }

    @Override
    public List<Stored> list(Map<String, String> settings) throws IOException {
        Path folder = folder(settings);
        List<Stored> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path p : files) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && Files.isRegularFile(p)) {
                    all.add(new Stored(n, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
                }
            }
        }
        all.sort(Comparator.comparing(Stored::time).reversed().thenComparing(Stored::name));
        return all;
    }

    @Override
    public boolean delete(Map<String, String> settings, String name) throws IOException {
        checkName(name);
        try {
            Files.delete(folder(settings).resolve(name));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
