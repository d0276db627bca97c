package org.opsbench.backup.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.VerifyResult;
import org.opsbench.backup.internal.archive.Hex;
import org.opsbench.backup.internal.archive.SegmentedCipher;
import org.opsbench.backup.internal.archive.TarScanner;
import org.opsbench.core.spi.BackupTarget;
import org.opsbench.persistence.DatabaseBackup;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;

/**
 * Reading archives back: verification (the archive checksum and every file's SHA-256 against the manifest), restores
 * over SSH ({@code tar -xf - -C DEST}), drills into a scratch location, and database restores. The archive checksum the
 * run recorded is either the SHA-256 of the stored bytes, or (manifest {@code archive-tree-sha256}: plain tar archives
 * since manifest version 2) the tree SHA-256 of {@link TarScanner}, recomputed from the archive as it is read;
 * {@code tree} says which.
 */
public final class Restores {

    /** What a restore did. */
    public record Outcome(boolean verified, int files, String log) {
    }

    private final RemoteShell shell;
    private final SshAccess access;
    private final DatabaseBackup database;
    private final Path workFolder;
    private final Duration timeout;

    /** Public for the tests (a friend package): the runtime makes the one of a running bundle. */
    public Restores(RemoteShell shell, SshAccess access, DatabaseBackup database, Path workFolder,
            Duration timeout) {
        this.shell = shell;
        this.access = access;
        this.database = database;
        this.workFolder = workFolder;
        this.timeout = timeout;
    }

    /** An open archive: the decoded content and the digest of the stored bytes. */
    private static final class Opened implements AutoCloseable {
        final InputStream raw;
        final DigestInputStream digesting;
        final InputStream content;

        Opened(InputStream raw, DigestInputStream digesting, InputStream content) {
            this.raw = raw;
            this.digesting = digesting;
            this.content = content;
        }

        /** Reads what is left of the stored bytes and returns their SHA-256. */
        String storedSha256() throws IOException {
            digesting.transferTo(OutputStream.nullOutputStream());
            return Hex.of(digesting.getMessageDigest().digest());
        }

        /**
         * The archive checksum as recomputed: the tree SHA-256 of {@code scanner} (which has read the whole stream and
         * was closed) or the stored bytes' SHA-256.
         */
        String checksum(boolean tree, TarScanner scanner) throws IOException {
            if (tree) {
                return scanner.treeSha256();
            }
            return storedSha256();
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    private Opened open(JobDefinition job, BackupTarget target, RunRecord run, boolean tree) throws IOException {
        InputStream raw = target.open(job.targetSettings(), run.archive());
        MessageDigest digest = Hex.sha256();
        DigestInputStream digesting = new DigestInputStream(new BufferedInputStream(raw, 256 * 1024), digest);
        // a tree checksum is computed by the scanner: no second pass over the stored bytes
        digesting.on(!tree);
        InputStream content = digesting;
        String name = run.archive();
        if (name.endsWith(".enc")) {
            byte[] key = SegmentedCipher.key(access.secret(job.encryptionKeyAlias(), "encryptionKeyAlias"));
            content = SegmentedCipher.decrypt(key, content);
            name = name.substring(0, name.length() - 4);
        }
        if (name.endsWith(".gz")) {
            content = new GZIPInputStream(content, 64 * 1024);
        }
        return new Opened(raw, digesting, content);
    }

    /** Reads the archive back and checks its checksum ({@code tree}: a tree SHA-256) and every file's. */
    public VerifyResult verify(JobDefinition job, BackupTarget target, RunRecord run, List<ManifestEntry> manifest,
            boolean tree) {
        long start = System.nanoTime();
        try (Opened opened = open(job, target, run, tree)) {
            List<ManifestEntry> found;
            TarScanner scanner = null;
            if (job.source() == SourceKind.COMMAND) {
                MessageDigest d = Hex.sha256();
                long size = new DigestInputStream(opened.content, d).transferTo(OutputStream.nullOutputStream());
                found = List.of(new ManifestEntry("(stdout)", "file", size, 0644, manifest.get(0).mtime(),
                        Hex.of(d.digest())));
            } else {
                scanner = new TarScanner();
                opened.content.transferTo(scanner);
                scanner.close();
                found = scanner.entries();
            }
            String stored = opened.checksum(tree && scanner != null, scanner);
            if (!stored.equals(run.sha256())) {
                return result(run, false, 0, "archive checksum mismatch: " + (tree
                        ? "the tree sha256 (headers and"
                                + " per-file digests) is "
                        : "stored bytes have sha256 ") + stored + ", the run recorded "
                        + run.sha256(), start);
            }
            String mismatch = compare(manifest, found);
            int files = (int) found.stream().filter(e -> e.type().equals("file")).count();
            return mismatch == null
                    ? result(run, true, files, (tree ? "archive tree sha256 and " : "archive sha256 and ") + files
                            + " file checksums match", start)
                    : result(run, false, files, mismatch, start);
        } catch (IOException | RuntimeException e) {
            return result(run, false, 0, "the archive cannot be read back: " + e.getMessage(), start);
        }
    }

    private static VerifyResult result(RunRecord run, boolean passed, int files, String message, long start) {
        return new VerifyResult(run.id(), passed, files, message, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The first difference between the manifest and what was found, or null. */
    static String compare(List<ManifestEntry> expected, List<ManifestEntry> found) {
        Map<String, ManifestEntry> byPath = new HashMap<>();
        found.forEach(e -> byPath.put(e.path(), e));
        for (ManifestEntry e : expected) {
            if (!e.type().equals("file")) {
                continue;
            }
            ManifestEntry f = byPath.get(e.path());
            if (f == null) {
                return "missing: " + e.path();
            }
            if (f.size() != e.size() || !f.sha256().equals(e.sha256())) {
                return "checksum mismatch: " + e.path() + " (expected sha256 " + e.sha256() + ", found "
                        + f.sha256() + ")";
            }
        }
        if (found.size() < expected.size()) {
            return "the archive holds " + found.size() + " members, the manifest " + expected.size();
        }
        return null;
    }

    /** Restores onto a host; the archive's checksums are checked as it passes. */
    Outcome restore(JobDefinition job, BackupTarget target, RunRecord run, List<ManifestEntry> manifest,
            boolean tree, RestoreRequest request) throws IOException {
        if (job.source() == SourceKind.DATABASE) {
            throw new IllegalArgumentException("runId: a database archive is restored with restoreDatabase");
        }
        String host = request.host().isEmpty() ? job.host() : request.host();
        int port = request.port() > 0 ? request.port() : request.host().isEmpty() ? job.port() : 22;
        String user = request.user().isEmpty() ? job.user() : request.user();
        String alias = request.credentialAlias().isEmpty() ? job.credentialAlias() : request.credentialAlias();
        SshTarget ssh = access.target(host, port, user, alias, "");
        StringBuilder log = new StringBuilder();
        String command;
        if (job.source() == SourceKind.COMMAND) {
            if (request.destination().isEmpty()) {
                throw new IllegalArgumentException("destination: a command's output is restored into a file: name it");
            }
            command = "cat > " + SshAccess.quote(request.destination());
        } else {
            String dest = request.destination().isEmpty() ? "/" : request.destination();
            List<String> members = request.paths().stream().map(p -> p.startsWith("/") ? p.substring(1) : p)
                    .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p).toList();
            for (String m : members) {
                boolean known = manifest.stream()
                        .anyMatch(e -> e.path().equals(m) || e.path().equals(m + "/") || e.path().startsWith(m + "/"));
                if (!known) {
                    throw new IllegalArgumentException("paths: '" + m + "' is not in the archive");
                }
            }
            command = "mkdir -p -- " + SshAccess.quote(dest) + " && tar -xf - -C " + SshAccess.quote(dest)
                    + (members.isEmpty()
                            ? ""
                            : " -- " + members.stream().map(SshAccess::quote)
                                    .collect(Collectors.joining(" ")));
        }
        log.append("restoring ").append(run.archive()).append(" onto ").append(user).append('@').append(host)
                .append(": ").append(command).append('\n');
        try (Opened opened = open(job, target, run, tree)) {
            TarScanner scanner = job.source() == SourceKind.COMMAND ? null : new TarScanner();
            MessageDigest outputDigest = Hex.sha256();
            OutputStream check = scanner != null
                    ? scanner
                    : new java.security.DigestOutputStream(
                            OutputStream.nullOutputStream(), outputDigest);
            InputStream stream = Tee.reading(opened.content, check);
            Gate gate = new Gate(stream);
            ExecResult result = shell.exec(ssh, command, timeout, gate, OutputStream.nullOutputStream());
            gate.shut();
            SshAccess.requireSuccess(result, "restore");
            // tar may stop reading at its end marker: read the rest so that every checksum is checked
            stream.transferTo(OutputStream.nullOutputStream());
            String stored = opened.checksum(tree && scanner != null, scanner);
            List<ManifestEntry> found = scanner != null
                    ? scanner.entries()
                    : List.of(new ManifestEntry("(stdout)", "file", 0, 0, null, Hex.of(outputDigest.digest())));
            String mismatch = stored.equals(run.sha256())
                    ? compareContent(manifest, found, scanner == null)
                    : "archive checksum mismatch (" + (tree ? "tree" : "stored bytes") + " sha256 " + stored + ")";
            int files = (int) found.stream().filter(e -> e.type().equals("file")).count();
            if (mismatch != null) {
                log.append("VERIFICATION FAILED: ").append(mismatch).append('\n');
                return new Outcome(false, files, log.toString());
            }
            log.append("restored; archive sha256 and ").append(files).append(" file checksums verified\n");
            return new Outcome(true, files, log.toString());
        }
    }

    private static String compareContent(List<ManifestEntry> manifest, List<ManifestEntry> found, boolean output) {
        if (output) {
            return manifest.get(0).sha256().equals(found.get(0).sha256()) ? null : "output checksum mismatch";
        }
        return compare(manifest, found);
    }

    /** A drill: restore into a scratch folder on the job's host, recompute checksums there, remove it. */
    Outcome drill(JobDefinition job, BackupTarget target, RunRecord run, List<ManifestEntry> manifest, boolean tree)
            throws IOException {
        if (job.source() == SourceKind.DATABASE) {
            Path scratch = Files.createTempDirectory(workFolder, "opsbench-drill-");
            try {
                Path unpacked = unpackVerified(job, target, run, manifest, tree, scratch.resolve("unpacked"));
                // a Derby copy is restored into the scratch folder; a PostgreSQL dump is read whole by pg_restore
                String checked = database.check(unpacked.resolve("db"), scratch);
                return new Outcome(true, (int) manifest.stream().filter(e -> e.type().equals("file")).count(),
                        "unpacked and verified " + run.archive() + "\n" + checked + "\n");
            } catch (java.sql.SQLException e) {
                throw new IOException("Derby could not restore: " + e.getMessage(), e);
            } finally {
                delete(scratch);
            }
        }
        SshTarget ssh = access.target(job.host(), job.port(), job.user(), job.credentialAlias(), "");
        String scratch = SshAccess.requireSuccess(
                shell.exec(ssh, "mktemp -d \"${TMPDIR:-/tmp}/opsbench-drill-XXXXXX\"", Duration.ofMinutes(1)),
                "mktemp").strip();
        try {
            String destination = job.source() == SourceKind.COMMAND ? scratch + "/output" : scratch;
            Outcome restored = restore(job, target, run, manifest, tree,
                    new RestoreRequest(run.id(), "", 0, "", "", destination, List.of()));
            if (!restored.verified()) {
                return restored;
            }
            // recompute on the host what landed on its disk
            String sums = SshAccess.requireSuccess(shell.exec(ssh, "cd " + SshAccess.quote(scratch)
                    + " && find . -type f -exec sha256sum {} +", timeout), "sha256sum");
            List<ManifestEntry> onDisk = new ArrayList<>();
            for (String line : sums.split("\n")) {
                if (line.length() > 66) {
                    String path = line.substring(66);
                    path = path.startsWith("./") ? path.substring(2) : path;
                    onDisk.add(new ManifestEntry(job.source() == SourceKind.COMMAND ? "(stdout)" : path, "file", -1,
                            0, null, line.substring(0, 64)));
                }
            }
            for (ManifestEntry e : manifest) {
                if (!e.type().equals("file")) {
                    continue;
                }
                boolean same = onDisk.stream()
                        .anyMatch(d -> d.path().equals(e.path()) && d.sha256().equals(e.sha256()));
                if (!same) {
                    return new Outcome(false, restored.files(), restored.log() + "on disk: " + e.path()
                            + " is missing or differs from the manifest\n");
                }
            }
            return new Outcome(true, restored.files(), restored.log() + "on disk: " + onDisk.size()
                    + " files match the manifest (sha256sum on the host)\n");
        } finally {
            shell.exec(ssh, "rm -rf -- " + SshAccess.quote(scratch), Duration.ofMinutes(5));
        }
    }

    /** Unpacks a database archive into a local folder and restores it with Derby into {@code databaseFolder}. */
    String restoreDatabase(JobDefinition job, BackupTarget target, RunRecord run, List<ManifestEntry> manifest,
            boolean tree, Path databaseFolder) throws IOException {
        if (job.source() != SourceKind.DATABASE) {
            throw new IllegalArgumentException("runId: run " + run.id() + " is not a database backup");
        }
        if (Files.exists(databaseFolder)) {
            try (var entries = Files.list(databaseFolder)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("folder: " + databaseFolder + " exists and is not empty");
                }
            }
        }
        Path unpacked = Files.createTempDirectory(workFolder, "opsbench-restore-");
        try {
            unpackVerified(job, target, run, manifest, tree, unpacked);
            Files.deleteIfExists(databaseFolder);
            database.restore(unpacked.resolve("db"), databaseFolder);
            return "unpacked and verified " + run.archive() + "\n" + "restored the database into " + databaseFolder
                    + "\n";
        } catch (java.sql.SQLException e) {
            throw new IOException("Derby could not restore: " + e.getMessage(), e);
        } finally {
            delete(unpacked);
        }
    }

    /**
     * Unpacks a database archive into {@code folder} while checking its checksums; refuses (and leaves the caller to
     * remove the folder) when the archive or a file in it does not match its manifest.
     */
    private Path unpackVerified(JobDefinition job, BackupTarget target, RunRecord run, List<ManifestEntry> manifest,
            boolean tree, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Opened opened = open(job, target, run, tree)) {
            TarScanner scanner = new TarScanner(new Extractor(folder));
            opened.content.transferTo(scanner);
            scanner.close();
            String stored = opened.checksum(tree, scanner);
            if (!stored.equals(run.sha256())) {
                throw new IOException("archive checksum mismatch: refusing to restore it");
            }
            String mismatch = compare(manifest, scanner.entries());
            if (mismatch != null) {
                throw new IOException("verification failed: " + mismatch + "; refusing to restore it");
            }
            return folder;
        }
    }

    static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The stdin handed to SSH; once shut, SSH's feeder thread reads nothing more from it. */
    private static final class Gate extends InputStream {
        private final InputStream in;
        private boolean shut;

        Gate(InputStream in) {
            this.in = in;
        }

        synchronized void shut() {
            shut = true;
        }

        @Override
        public synchronized int read() throws IOException {
            return shut ? -1 : in.read();
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            return shut ? -1 : in.read(b, off, len);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }

    /** Writes the members of a tar stream below a folder (files and folders only; no path may leave it). */
    static final class Extractor implements TarScanner.Listener {
        private final Path root;
        private OutputStream out;

        Extractor(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        private Path resolve(String name) throws IOException {
            Path p = root.resolve(name).normalize();
            if (!p.startsWith(root)) {
                throw new IOException("archive member leaves the folder: " + name);
            }
            return p;
        }

        @Override
        public void member(ManifestEntry header, String linkTarget) throws IOException {
            Path p = resolve(header.path());
            if (header.type().equals("dir")) {
                Files.createDirectories(p);
            } else if (header.type().equals("file")) {
                Files.createDirectories(p.getParent());
                out = new java.io.BufferedOutputStream(Files.newOutputStream(p), 64 * 1024);
            }
        }

        @Override
        public void content(byte[] b, int off, int len) throws IOException {
            if (out != null) {
                out.write(b, off, len);
            }
        }

        @Override
        public void end(ManifestEntry finished) throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }
}
