import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opsbench.core.Principal;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.spi.CheckType;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.internal.checks.SshChecks;
import org.opsbench.monitoring.internal.checks.SshCommandCheck;
import org.opsbench.monitoring.internal.engine.EffectsWriter;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.engine.Scheduler;
import org.opsbench.monitoring.internal.metrics.Retention;
import org.opsbench.monitoring.internal.metrics.TimeSeriesStore;
import org.opsbench.monitoring.internal.store.StateStore;
import org.opsbench.monitoring.internal.support.VaultSecrets;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.ssh.internal.SshConfig;
import org.osgi.framework.BundleContext;

/**
 * SSH command checks per second: {@code uptime} on many host names of one loopback sshd (names from the hosts file the
 * script gives the JVM), through the real scheduler, engine and writer, the real ssh-command check and the real
 * RemoteShell on JSch with its session pool; beside two baselines from the same run on the same names: one {@code ssh}
 * process per check (50 at once, as check_by_ssh runs), and OpenSSH multiplexing (one ControlMaster, 20 parallel
 * clients). Run by releng/bench-monitoring ssh.
 */
final class SshBench {

    static final String USER_AS_ROOT = LoopbackSshd.USER_AS_ROOT;
    static final int HOSTS = Integer.getInteger("aliases", 200);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    // enough checks that the offered load (HOSTS x CHECKS a second) is above what the machine can do
    static final int CHECKS = Integer.getInteger("sshChecksPerHost", 4);

    private final Path dir;
    private final String user;
    private int port;
    private LoopbackSshd sshd;

    SshBench(Path dir) {
        this.dir = dir;
        this.user = LoopbackSshd.defaultUser();
    }

    static String alias(int i) {
        return String.format("mon-%03d.bench", i + 1);
    }

    void run() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            names.add(alias(i));
        }
        sshd = LoopbackSshd.start(dir, user, names, "*.bench");
        port = sshd.port;
        try {
            System.out.printf("ssh: uptime on %d host names of one sshd on 127.0.0.1 (login %s; sshd and the clients share"
                    + " this machine's %d cores, sshd forks a shell per command); %d s each; opsbench: %d ssh-command checks"
                    + " per host every 1 s (offered %,d/s), scheduler limits 256 at once, 4 per host%n", HOSTS, user,
                    Runtime.getRuntime().availableProcessors(), SECONDS, CHECKS, HOSTS * CHECKS);
            double ours = opsbench();
            double perProcess = processes(50, false);
            double multiplexed = processes(20, true);
            System.out.printf("ssh command checks through the scheduler: %,.1f checks/s   goal >= 3x one ssh process per"
                    + " check and >= 1.5x OpenSSH multiplexing%n", ours);
            System.out.printf("  baseline 1, same run: one ssh process per check, 50 at once: %,.1f/s -> %.1fx (goal 3x)%n",
                    perProcess, ours / perProcess);
            System.out.printf("  baseline 2, same run: OpenSSH ControlMaster, 20 parallel clients: %,.1f/s -> %.1fx (goal"
                    + " 1.5x)%n", multiplexed, ours / multiplexed);
        } finally {
            sshd.close();
        }
    }

    // ---- Opsbench: scheduler -> ssh-command -> RemoteShell (pooled sessions per host name)

    private double opsbench() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        JschRemoteShell shell = new JschRemoteShell(bundleContext(workspace), sshConfig(dir.resolve("known_hosts")),
                MonitoringBench.quietLogger());
        VaultSecrets secrets = new VaultSecrets();
        Method bind = VaultSecrets.class.getDeclaredMethod("bindStore", SecretStore.class);
        bind.setAccessible(true);
        bind.invoke(secrets, new KeyOnlyStore("bench/key", Files.readAllBytes(dir.resolve("user_ed25519"))));
        CheckType check = new SshCommandCheck(new SshChecks(shell, secrets));

        EmbeddedDataSource ds = MonitoringBench.dataSource(dir.resolve("db"));
        MonitoringBench.migrate(ds);
        Engine engine = new Engine();
        for (int i = 0; i < HOSTS; i++) {
            engine.putHost(HostDefinition.of(alias(i), alias(i)).withSsh(user, port, "bench/key"));
            for (int c = 0; c < CHECKS; c++) {
                engine.putCheck(CheckDefinition.of(alias(i), "uptime-" + c, "ssh-command", Map.of("command", "uptime"))
                        .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(30)));
            }
        }
        EffectsWriter writer = new EffectsWriter(new StateStore(ds), new TimeSeriesStore(ds, Retention.DEFAULT),
                (ci, change, summary, at) -> true, id -> null, MonitoringBench.quietLogger(), 500);
        AtomicLong completed = new AtomicLong();
        AtomicLong problems = new AtomicLong();
        MonitoringBench.Pipeline plan = new MonitoringBench.Pipeline(engine, writer, Map.of("ssh-command", check),
                completed, problems);
        Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 256, 4);
        for (int i = 0; i < HOSTS; i++) {
            for (int c = 0; c < CHECKS; c++) {
                scheduler.schedule(new CheckKey(alias(i), "uptime-" + c));
            }
        }
        // every host's first run (spread over the 1 s interval) opens its session: measure once they are open
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (completed.get() < 2L * HOSTS * CHECKS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long c0 = completed.get();
        long p0 = problems.get();
        long s0 = shell.sessionsOpened();
        long t0 = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        long c1 = completed.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long opened = shell.sessionsOpened() - s0;
        long failed = problems.get() - p0;
        scheduler.close();
        writer.flush();
        writer.close();
        Method deactivate = JschRemoteShell.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(shell);
        System.out.printf("  opsbench: %,d results in %.1f s, %,d not OK, %,d SSH sessions opened while measuring (%,d"
                + " before: one per host name)%n", c1 - c0, seconds, failed, opened, s0);
        if (plan.firstProblem().get() != null) {
            System.out.println("  first result not OK: " + plan.firstProblem().get());
        }
        return (c1 - c0) / seconds;
    }

    // ---- baselines: OpenSSH processes

    private double processes(int parallel, boolean multiplexed) throws Exception {
        Path config = dir.resolve("ssh_config");
        Path control = dir.resolve("mux.sock");
        Process master = null;
        if (multiplexed) {
            master = new ProcessBuilder("ssh", "-F", config.toString(), "-M", "-N", "-o", "ControlPath=" + control,
                    alias(0)).redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!Files.exists(control) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!Files.exists(control)) {
                throw new IllegalStateException("the ControlMaster did not start");
            }
        }
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong next = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            for (int w = 0; w < parallel; w++) {
                pool.submit(() -> {
                    while (!done.get()) {
                        String host = alias((int) (next.getAndIncrement() % HOSTS));
                        List<String> command = new ArrayList<>(List.of("ssh", "-F", config.toString()));
                        if (multiplexed) {
                            command.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + control));
                        }
                        command.addAll(List.of(host, "uptime"));
                        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        if (p.waitFor() == 0) {
                            ok.incrementAndGet();
                        } else if (failed.getAndIncrement() == 0) {
                            System.out.println("  first failure: " + String.join(" ", command) + ": " + out.strip());
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(SECONDS * 1000L);
            done.set(true);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (master != null) {
            master.destroy();
            master.waitFor(10, TimeUnit.SECONDS);
        }
        System.out.printf("  %s: %,d commands in %.1f s, %,d failed%n",
                multiplexed ? "ControlMaster, " + parallel + " clients" : "ssh per check, " + parallel + " at once",
                ok.get(), seconds, failed.get());
        return ok.get() / seconds;
    }

    // ---- what DS would hand the components

    private static BundleContext bundleContext(Path workspace) {
        return (BundleContext) Proxy.newProxyInstance(SshBench.class.getClassLoader(),
                new Class<?>[]{BundleContext.class}, (proxy, method, args) -> method.getName().equals("getProperty")
                        && "opsbench.workspace".equals(args[0]) ? workspace.toString() : null);
    }

    /** The SSH settings: enough sessions for one per host name, the bench's known_hosts. */
    private static SshConfig sshConfig(Path knownHosts) {
        return (SshConfig) Proxy.newProxyInstance(SshBench.class.getClassLoader(), new Class<?>[]{SshConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "connectTimeoutSeconds" -> 10;
                    case "idleTimeoutSeconds" -> 60;
                    case "maxSessions" -> HOSTS + 56;
                    case "keepAliveIntervalSeconds" -> 15;
                    case "knownHostsFile" -> knownHosts.toString();
                    case "annotationType" -> SshConfig.class;
                    default -> method.getDefaultValue();
                });
    }

    /** One key in memory, where the vault would decrypt it. */
    private record KeyOnlyStore(String alias, byte[] key) implements SecretStore {

        @Override
        public Optional<Secret> lookup(Principal caller, String name) {
            return name.equals(alias) ? Optional.of(new Secret(alias, key.clone())) : Optional.empty();
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
