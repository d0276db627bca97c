import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.internal.ActiveRun;
import org.opsbench.backup.internal.RunPipeline;
import org.opsbench.backup.internal.SshAccess;
import org.opsbench.backup.internal.targets.LocalDirectoryTarget;
import org.opsbench.core.Principal;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.ssh.internal.SshConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * Backup throughput of a folder over loopback SSH: the real job pipeline (RemoteShell binary exec of
 * {@code tar -cf -}, tar scan with per-file SHA-256 and the archive's tree SHA-256, local-dir target with temp name,
 * flush-behind, fsync and rename) beside {@code ssh host tar -cf - DIR > file} with OpenSSH on the same folder in the same run. Goal: within
 * 1.3x of the baseline. Run by releng/bench-backup.
 */
final class BackupBench {

    static final long MIB = 1024 * 1024;
    /** The SSH cipher of every run here (-Dcipher=...). */
    static final String CIPHER = System.getProperty("cipher", "aes128-gcm@openssh.com");

    private final Path dir;
    private final String user;
    private int port;
    private LoopbackSshd sshd;
    private Path home;

    BackupBench(Path dir) {
        this.dir = dir;
        this.user = LoopbackSshd.defaultUser();
    }

    public static void main(String[] args) throws Exception {
        // like with like: the same cipher on both sides (JSch's first choice; OpenSSH would pick chacha20-poly1305)
        com.jcraft.jsch.JSch.setConfig("cipher.s2c", CIPHER);
        com.jcraft.jsch.JSch.setConfig("cipher.c2s", CIPHER);
        new BackupBench(Path.of(args[0])).run(Long.getLong("mib", 1024), Integer.getInteger("rounds", 2));
    }

    void run(long mib, int rounds) throws Exception {
        sshd = LoopbackSshd.start(dir, user, List.of(), "bench.host");
        port = sshd.port;
        home = Files.createTempDirectory("opsbench-bench-data-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!user.equals(System.getProperty("user.name"))) {
            Files.setOwner(home, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user));
        }
        try {
            Path data = home.resolve("data");
            long bytes = makeFolder(data, mib);
            System.out.printf("backup: a %d MiB folder (%d files of 1 MiB, random: incompressible) over SSH on 127.0.0.1"
                    + " (login %s, %d cores shared by sshd, tar and the client); best of %d rounds each%n", mib,
                    mib, user, Runtime.getRuntime().availableProcessors(), rounds);
            System.out.printf("  settings, the same for all: SSH cipher %s (AEAD, no separate MAC), no SSH compression,"
                    + " tar -cf - of the folder, output to a file on the same disk, fsync before the clock stops;"
                    + " the opsbench job: compress=false, no encryption%n", CIPHER);
            JschRemoteShell shell = new JschRemoteShell(bundleContext(dir.resolve("workspace")),
                    sshConfig(dir.resolve("known_hosts")), quietLogger());
            SshAccess access = new SshAccess(new KeyOnlyStore("bench/key",
                    Files.readAllBytes(dir.resolve("user_ed25519")), "bench/aes", new byte[32]));
            ExecutorService io = Executors.newCachedThreadPool();
            RunPipeline pipeline = new RunPipeline(shell, access, null, io, dir, Duration.ofHours(1));
            double hashed = 0;
            double baseline = 0;
            double plain = 0;
            double[] baselineRounds = new double[rounds];
            double[] plainRounds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                baselineRounds[r] = opensshTar(data, bytes);
                baseline = Math.max(baseline, baselineRounds[r]);
                hashed = Math.max(hashed, opensshTarHashed(data, bytes));
                plainRounds[r] = opsbench(pipeline, data, bytes, false, false, r);
                plain = Math.max(plain, plainRounds[r]);
            }
            double full = opsbench(pipeline, data, bytes, true, true, 99);
            double ratio = baseline / plain;
            double raw = raw(shell, access, data, bytes);
            System.out.printf("  (diagnostic) RemoteShell exec of tar into a null sink      %8.1f MiB/s%n", raw);
            if (Boolean.getBoolean("stages")) {
                stages(shell, access, data, bytes);
            }
            System.out.printf("  baseline  ssh host tar -cf - DIR > file (OpenSSH)        %8.1f MiB/s%n", baseline);
            System.out.printf("  baseline2 ssh host tar -cf - DIR | tee file | sha256sum      %8.1f MiB/s   (no goal: the"
                    + " same pipe with one checksum)%n", hashed);
            System.out.printf("  opsbench  backup job, no compression, no encryption     %8.1f MiB/s   (manifest with"
                    + " per-file SHA-256, archive tree SHA-256, temp name + fsync + rename)%n", plain);
            System.out.printf("  every round (baseline / opsbench MiB/s; the first job round runs before the JIT"
                    + " compiled it):");
            for (int r = 0; r < rounds; r++) {
                System.out.printf(" %d: %.1f / %.1f%s", r + 1, baselineRounds[r], plainRounds[r],
                        r + 1 < rounds ? "," : "");
            }
            System.out.printf("%n  first round alone: ratio %.2fx (not the figure of the goal, shown so the warm-up"
                    + " is visible)%n", baselineRounds[0] / plainRounds[0]);
            System.out.printf("  ratio     baseline / opsbench (best of %d each)          %8.2fx      goal <= 1.30x"
                    + "  %s%n", rounds,
                    ratio, ratio <= 1.3 ? "MET" : "NOT MET");
            System.out.printf("  opsbench  the same job with gzip and AES-256-GCM          %8.1f MiB/s   (no goal; gzip"
                    + " bounds it on one core)%n", full);
            var deactivate = JschRemoteShell.class.getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(shell);
            io.shutdownNow();
        } finally {
            sshd.close();
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private double raw(JschRemoteShell shell, SshAccess access, Path data, long bytes) {
        long t0 = System.nanoTime();
        var target = access.target("127.0.0.1", port, user, "bench/key", "");
        shell.exec(target, "tar -cf - -- " + data, Duration.ofMinutes(10), null, java.io.OutputStream.nullOutputStream());
        return bytes / (double) MIB / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * The plain job pipeline's stages switched on one by one (-Dstages=true): where the gap to the raw exec goes. Each
     * stage is the previous one plus one piece of the job pipeline, built from the same classes.
     */
    private void stages(JschRemoteShell shell, SshAccess access, Path data, long bytes) throws Exception {
        String[] names = {"exec -> Pipe -> reader thread -> null",
                "  + TarScanner in the reader (per-file and tree SHA-256)",
                "  + local-dir target (write, flush-behind, fsync)"};
        for (int stage = 0; stage < names.length; stage++) {
            double best = 0;
            for (int r = 0; r < 2; r++) {
                best = Math.max(best, stage(shell, access, data, bytes, stage));
            }
            System.out.printf("  (stage) %-56s %8.1f MiB/s%n", names[stage], best);
        }
    }

    private double stage(JschRemoteShell shell, SshAccess access, Path data, long bytes, int stage) throws Exception {
        var target = access.target("127.0.0.1", port, user, "bench/key", "");
        org.opsbench.backup.internal.archive.Pipe pipe = new org.opsbench.backup.internal.archive.Pipe(64,
                256 * 1024);
        var scanner = new org.opsbench.backup.internal.archive.TarScanner();
        java.io.InputStream source = pipe.source();
        java.io.InputStream in = stage == 0 ? source : new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = source.read(b, off, len);
                if (n > 0) {
                    scanner.write(b, off, n);
                } else if (n < 0) {
                    scanner.close();
                }
                return n;
            }
        };
        Path repo = Files.createDirectories(dir.resolve("stage-repo"));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        long t0 = System.nanoTime();
        var drained = reader.submit(() -> {
            if (stage == 2) {
                new LocalDirectoryTarget().store(Map.of("folder", repo.toString()), "stage.tar", in);
            } else {
                byte[] buffer = new byte[1 << 20];
                while (in.read(buffer) >= 0) {
                    // drained
                }
            }
            return null;
        });
        shell.exec(target, "tar -cf - -- " + data, Duration.ofMinutes(10), null, pipe.sink());
        pipe.finish();
        drained.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        reader.shutdown();
        Files.deleteIfExists(repo.resolve("stage.tar"));
        return bytes / (double) MIB / seconds;
    }

    private static long makeFolder(Path data, long mib) throws IOException {
        Files.createDirectories(data.resolve("sub"));
        Random random = new Random(42);
        byte[] block = new byte[(int) MIB];
        for (long i = 0; i < mib; i++) {
            random.nextBytes(block);
            Files.write(data.resolve((i % 2 == 0 ? "" : "sub/") + "file-" + i + ".bin"), block);
        }
        return mib * MIB;
    }

    private double opensshTar(Path data, long bytes) throws Exception {
        Path out = dir.resolve("baseline.tar");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("ssh", "-F", dir.resolve("ssh_config").toString(), "-c", CIPHER, "-o",
                "Compression=no", "bench.host", "tar", "-cf", "-", "--", data.toString()).redirectOutput(out.toFile()).redirectError(Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh tar failed");
        }
        try (var ch = java.nio.channels.FileChannel.open(out, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true); // the same durability as the target's fsync
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.delete(out);
        return bytes / (double) MIB / seconds;
    }

    private double opensshTarHashed(Path data, long bytes) throws Exception {
        Path out = dir.resolve("baseline2.tar");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", "ssh -F '" + dir.resolve("ssh_config") + "' -c " + CIPHER
                + " -o Compression=no bench.host tar -cf - -- '"
                + data + "' | tee '" + out + "' | sha256sum > /dev/null && sync '" + out + "'")
                .redirectError(Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh tar | tee | sha256sum failed");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.delete(out);
        return bytes / (double) MIB / seconds;
    }

    private double opsbench(RunPipeline pipeline, Path data, long bytes, boolean compress, boolean encrypt, int round)
            throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo-" + round));
        JobDefinition job = new JobDefinition("bench", "", SourceKind.PATHS, "127.0.0.1", port, user, "bench/key",
                List.of(data.toString()), "", "local-dir", Map.of("folder", repo.toString()), "", "UTC", compress,
                encrypt ? "bench/aes" : "", Retention.KEEP_ALL, "", "", true);
        ActiveRun active = new ActiveRun(round + 1, "bench", "bench", Instant.now());
        long t0 = System.nanoTime();
        RunPipeline.Result result = pipeline.run(job, new LocalDirectoryTarget(), active);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (result.outcome() != RunOutcome.SUCCEEDED) {
            throw new IllegalStateException("the backup failed: " + result.reason() + "\n" + active.log());
        }
        if (result.files() != bytes / MIB) {
            throw new IllegalStateException("expected " + bytes / MIB + " files, the manifest has " + result.files());
        }
        try (var files = Files.walk(repo)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return bytes / (double) MIB / seconds;
    }

    private static BundleContext bundleContext(Path workspace) {
        return (BundleContext) Proxy.newProxyInstance(BackupBench.class.getClassLoader(),
                new Class<?>[]{BundleContext.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        && "opsbench.workspace".equals(args[0]) ? workspace.toString() : null);
    }

    private static SshConfig sshConfig(Path knownHosts) {
        return (SshConfig) Proxy.newProxyInstance(BackupBench.class.getClassLoader(), new Class<?>[]{SshConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "knownHostsFile" -> knownHosts.toString();
                    case "annotationType" -> SshConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    static Logger quietLogger() {
        return (Logger) Proxy.newProxyInstance(BackupBench.class.getClassLoader(), new Class<?>[]{Logger.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getName" -> "bench";
                    case "isTraceEnabled", "isDebugEnabled", "isInfoEnabled" -> false;
                    case "isWarnEnabled", "isErrorEnabled" -> true;
                    case "warn", "error" -> {
                        System.err.println("bench log: " + java.util.Arrays.toString(arguments));
                        yield null;
                    }
                    default -> null;
                });
    }

    /** The login key and an AES key in memory, where the vault would decrypt them. */
    private record KeyOnlyStore(String alias, byte[] key, String aesAlias, byte[] aes) implements SecretStore {

        @Override
        public Optional<Secret> lookup(Principal caller, String name) {
            return name.equals(alias) ? Optional.of(new Secret(alias, key.clone()))
                    : name.equals(aesAlias) ? Optional.of(new Secret(aesAlias, aes.clone())) : Optional.empty();
        }

        @Override
        public void store(Principal caller, String name, Kind kind, String description, byte[] value) {
            throw new UnsupportedOperationException("read-only in the bench");
        }

        @Override
        public boolean delete(Principal caller, String name) {
            throw new UnsupportedOperationException("read-only in the bench");
        }

        @Override
        public List<Entry> list(Principal caller) {
            return List.of(new Entry(alias, Kind.SSH_PRIVATE_KEY, "bench key"));
        }
    }
}
