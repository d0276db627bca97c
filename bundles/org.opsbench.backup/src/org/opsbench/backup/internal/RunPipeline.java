package org.opsbench.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.internal.archive.Manifest;
import org.opsbench.backup.internal.archive.Pipe;
import org.opsbench.backup.internal.archive.SegmentedCipher;
import org.opsbench.backup.internal.archive.TarScanner;
import org.opsbench.backup.internal.archive.TarWriter;
import org.opsbench.core.spi.BackupTarget;
import org.opsbench.persistence.DatabaseBackup;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;

/**
 * One backup run. Uncompressed and unencrypted: source → target, the target's thread scanning the tar stream (per-file
 * and tree SHA-256, see {@link TarScanner}) in its own buffer. Otherwise: source → (tar scan for the manifest, on its
 * own thread) → gzip → AES-256-GCM → SHA-256 → target. The source is streamed through a bounded {@link Pipe} to the
 * transform thread, which writes through a second pipe into {@link BackupTarget#store}; the source pipe ends normally
 * only after the source reported success (tar's exit code), and the target pipe only after the transform closed its
 * chain (the scanner found a complete tar stream), so a failed or cancelled run never completes the target's write, and
 * the target leaves nothing under the archive's name. The manifest {@code <archive>.manifest} is written after the
 * archive: an archive without it is not a complete backup.
 */
public final class RunPipeline {

    /** What a finished pipeline produced. */
    public record Result(RunOutcome outcome, String archive, long bytes, long sourceBytes, int files, String sha256,
            String manifest, String reason) {
    }

    /** Source pipe: up to this many chunks in flight between the source and the transform or the target. */
    static final int SOURCE_CHUNKS = 64;
    /** Bytes of one source pipe chunk (SSH packets of 32 KiB gathered: one hand-over per chunk). */
    static final int SOURCE_CHUNK = 256 * 1024;
    /** Target pipe: up to this many transform buffers between the transform and the target's write. */
    static final int TARGET_CHUNKS = 32;
    /**
     * Bytes the transform takes from the source at once: large arrays keep the SHA-256 intrinsic busy, and below half a
     * G1 region (1 MiB with a 1 GiB heap) the copies handed along the pipes are no humongous allocations.
     */
    static final int TRANSFORM_BUFFER = 256 * 1024;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final RemoteShell shell;
    private final SshAccess access;
    private final DatabaseBackup database;
    private final ExecutorService io;
    private final Path workFolder;
    private final Duration timeout;

    public RunPipeline(RemoteShell shell, SshAccess access, DatabaseBackup database, ExecutorService io,
            Path workFolder,
            Duration timeout) {
        this.shell = shell;
        this.access = access;
        this.database = database;
        this.io = io;
        this.workFolder = workFolder;
        this.timeout = timeout;
    }

    /** The archive name of run {@code id} of {@code job}. */
    static String archiveName(JobDefinition job, long id, Instant started) {
        String base = job.name() + "-" + STAMP.format(started) + "-r" + id
                + (job.source() == SourceKind.COMMAND ? ".out" : ".tar");
        return base + (job.compress() ? ".gz" : "") + (job.encrypted() ? ".enc" : "");
    }

    /** The remote command of a {@link SourceKind#PATHS} job. */
    static String tarCommand(List<String> paths) {
        return "tar -cf - -- " + paths.stream().map(SshAccess::quote).collect(Collectors.joining(" "));
    }

    public Result run(JobDefinition job, BackupTarget target, ActiveRun active) {
        String archive = archiveName(job, active.id, active.started);
        active.archive = archive;
        byte[] key = job.encrypted()
                ? SegmentedCipher.key(access.secret(job.encryptionKeyAlias(),
                        "encryptionKeyAlias"))
                : null;
        // an uncompressed, unencrypted archive is the source stream itself: the target's thread reads it straight from
        // the source pipe and the scanner digests each file in the target's own buffer (one SHA-256 pass over the
        // bytes, no further thread or copy); the archive checksum is then the scanner's tree SHA-256
        boolean plain = !job.compress() && key == null;
        Pipe pipe = new Pipe(SOURCE_CHUNKS, SOURCE_CHUNK);
        Pipe stored = plain ? null : new Pipe(TARGET_CHUNKS);
        InputStream toStore;
        Future<?> transforming;
        CountingOutputStream[] digest = new CountingOutputStream[1];
        CountingOutputStream[] sourceDigest = new CountingOutputStream[1];
        AsyncScanner scanner = plain || job.source() == SourceKind.COMMAND ? null : new AsyncScanner(io);
        Checked checked = plain
                ? new Checked(pipe.source(), job.source() == SourceKind.COMMAND ? null : new TarScanner(), active)
                : null;
        if (plain) {
            toStore = checked;
            transforming = java.util.concurrent.CompletableFuture.completedFuture(null);
        } else {
            // three threads besides the source's: the transform (archive digest, gzip, AES) between the source pipe
            // and the target pipe, the per-file manifest digests beside it, and the target's write; a block in one (a
            // full disk queue, a slow SFTP window) does not stall the others until a pipe is full
            transforming = io.submit(() -> {
                try {
                    digest[0] = new CountingOutputStream(stored.sink(), active.stored);
                    OutputStream o = digest[0];
                    if (key != null) {
                        o = SegmentedCipher.encrypt(key, o);
                    }
                    if (job.compress()) {
                        o = new GZIPOutputStream(o, 64 * 1024);
                    }
                    // only a command's output needs its own checksum: a tar stream's files are digested by the scanner
                    sourceDigest[0] = new CountingOutputStream(o, active.read, scanner == null);
                    OutputStream chain = scanner == null ? sourceDigest[0] : Tee.of(scanner, sourceDigest[0]);
                    InputStream in = pipe.source();
                    byte[] buffer = new byte[TRANSFORM_BUFFER];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        chain.write(buffer, 0, n);
                    }
                    chain.close(); // the scanner's verdict first: a truncated tar stream never completes the archive
                    stored.finish();
                } catch (IOException | RuntimeException e) {
                    stored.abort(e);
                    pipe.abort(e);
                    if (scanner != null) {
                        scanner.abort(e);
                    }
                    throw e;
                }
                return null;
            });
            toStore = stored.source();
        }
        Future<?> storing = io.submit(() -> {
            try {
                target.store(job.targetSettings(), archive, toStore);
            } catch (IOException | RuntimeException e) {
                if (stored != null) {
                    stored.abort(e);
                }
                pipe.abort(e);
                throw e;
            }
            return null;
        });
        active.log("writing " + archive + " to " + target.id());
        String reason = null;
        try {
            reason = produce(job, pipe, active);
        } catch (IOException | RuntimeException e) {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (reason == null && active.cancelled.get()) {
            reason = "cancelled";
        }
        if (reason == null) {
            try {
                pipe.finish();
            } catch (IOException e) {
                reason = "the target stopped reading: " + e.getMessage();
            }
        } else {
            IOException failure = new IOException(reason);
            pipe.abort(failure);
            if (stored != null) {
                stored.abort(failure);
            }
            if (scanner != null) {
                scanner.abort(failure);
            }
        }
        try {
            transforming.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active.cancelled.set(true);
            transforming.cancel(true);
            reason = reason == null ? "cancelled" : reason;
        } catch (ExecutionException e) {
            if (reason == null) {
                reason = "the archive could not be written: " + e.getCause().getMessage();
            }
        }
        try {
            storing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            active.cancelled.set(true);
            storing.cancel(true);
            reason = reason == null ? "cancelled" : reason;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (reason == null) {
                reason = "the target failed: " + cause.getMessage();
            }
        }
        RunOutcome failed = active.cancelled.get() ? RunOutcome.CANCELLED : RunOutcome.FAILED;
        if (reason != null) {
            active.log("failed: " + reason + "; nothing was left under " + archive);
            return new Result(failed, archive, active.stored.get(), active.read.get(), 0, "", null, reason);
        }
        String sha256;
        List<ManifestEntry> entries;
        if (plain) {
            sha256 = checked.sha256();
            entries = checked.tar != null
                    ? checked.tar.entries()
                    : List.of(new ManifestEntry("(stdout)", "file", active.read.get(), 0644, active.started, sha256));
        } else {
            sha256 = digest[0].sha256();
            entries = scanner != null
                    ? scanner.scanner().entries()
                    : List.of(new ManifestEntry("(stdout)", "file", active.read.get(), 0644, active.started,
                            sourceDigest[0].sha256()));
        }
        // a plain tar archive carries the tree digest; a plain command output is its stored bytes: a plain SHA-256
        boolean tree = plain && checked.tar != null;
        String manifest = Manifest.format(sha256, tree, active.stored.get(), entries);
        try {
            target.store(job.targetSettings(), archive + ".manifest",
                    new java.io.ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            active.log("the manifest could not be written: " + e.getMessage() + "; the archive is incomplete");
            try {
                target.delete(job.targetSettings(), archive);
            } catch (IOException | RuntimeException ignored) {
                active.log("and the archive could not be deleted: delete " + archive + " by hand");
            }
            return new Result(failed, archive, active.stored.get(), active.read.get(), 0, "", null,
                    "manifest: " + e.getMessage());
        }
        int files = (int) entries.stream().filter(e -> e.type().equals("file")).count();
        active.log("stored " + active.stored.get() + " bytes (" + active.read.get() + " from the source), " + files
                + " files, " + (tree ? "tree sha256 " : "sha256 ") + sha256);
        return new Result(RunOutcome.SUCCEEDED, archive, active.stored.get(), active.read.get(), files, sha256,
                manifest, null);
    }

    /** Writes the source into the pipe's sink; returns a failure reason or null. */
    private String produce(JobDefinition job, Pipe pipe, ActiveRun active) throws IOException {
        switch (job.source()) {
            case PATHS, COMMAND -> {
                SshTarget target = access.target(job.host(), job.port(), job.user(), job.credentialAlias(), "");
                String command = job.source() == SourceKind.PATHS ? tarCommand(job.paths()) : job.command();
                active.log("running on " + job.user() + "@" + job.host() + ": " + command);
                ExecResult result = shell.exec(target, command, timeout, null, pipe.sink());
                if (active.cancelled.get()) {
                    return "cancelled";
                }
                if (result instanceof ExecResult.Failed f) {
                    return f.failure().toString();
                }
                ExecResult.Completed c = (ExecResult.Completed) result;
                String err = c.stderr().strip();
                if (!err.isEmpty()) {
                    active.log("stderr: " + err);
                }
                if (c.exitCode() == 1 && job.source() == SourceKind.PATHS) {
                    active.log("warning: tar exit code 1 (a file changed while it was read); the archive is kept");
                    return null;
                }
                return c.exitCode() == 0 ? null : "exit code " + c.exitCode() + (err.isEmpty() ? "" : ": " + err);
            }
            case DATABASE -> {
                Path temp = Files.createTempDirectory(workFolder, "opsbench-self-backup-");
                try {
                    Path copy = database.backup(temp);
                    active.log("online database backup taken: " + copy.getFileName());
                    TarWriter tar = new TarWriter(pipe.sink());
                    tar.folder(copy, "db");
                    tar.finish();
                    return null;
                } catch (java.sql.SQLException e) {
                    return "database backup failed: " + e.getMessage();
                } finally {
                    Files.walk(temp).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            default -> throw new IllegalStateException(job.source().name());
        }
    }

    /**
     * The source stream as the target of a plain archive reads it: each read is scanned (per-file and tree SHA-256) or,
     * for a command's output, digested in the target's buffer, and counted; the end of the stream is reported only
     * after the scanner found a complete tar stream, so a truncated one fails the target's write.
     */
    static final class Checked extends InputStream {
        private final InputStream in;
        final TarScanner tar;
        private final java.security.MessageDigest output;
        private final ActiveRun active;
        private String hex;

        Checked(InputStream in, TarScanner tar, ActiveRun active) {
            this.in = in;
            this.tar = tar;
            this.output = tar == null ? org.opsbench.backup.internal.archive.Hex.sha256() : null;
            this.active = active;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                if (tar != null) {
                    tar.write(b, off, n);
                } else {
                    output.update(b, off, n);
                }
                active.read.addAndGet(n);
                active.stored.addAndGet(n);
            } else if (n < 0 && hex == null) {
                if (tar != null) {
                    tar.close(); // throws on a truncated stream: the target then fails and leaves nothing
                    hex = tar.treeSha256();
                } else {
                    hex = org.opsbench.backup.internal.archive.Hex.of(output.digest());
                }
            }
            return n;
        }

        /** The archive checksum, after the end of the stream. */
        String sha256() {
            return hex;
        }
    }

    /** The settings of a job's target, for logs (never secrets: only names). */
    static String describe(Map<String, String> settings) {
        return settings.keySet().toString();
    }
}
