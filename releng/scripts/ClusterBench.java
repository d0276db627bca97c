import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Check throughput of the built server product on one throw-away PostgreSQL: HOSTS hosts, each a TCP check of one
 * loopback port every second (demand HOSTS checks/s), completed checks counted where they land (the port's accepted
 * connections). First one server alone (the baseline), then a second server joins and the two share the shards; the
 * figure is checks/s with two beside checks/s with one, measured in the same run. Usage (from releng/bench-cluster):
 * {@code java ClusterBench.java PRODUCT PG_SCRIPT WORKDIR}; -Dhosts=N -Dseconds=N.
 */
public final class ClusterBench {

    private static final int HOSTS = Integer.getInteger("hosts", 2500);
    private static final int SECONDS = Integer.getInteger("seconds", 20);

    private static final AtomicLong CONNECTIONS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Path product = Path.of(args[0]);
        Path pgScript = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Path pg = Files.createTempDirectory("opsbench-bench-pg-");
        int pgPort = freePort();
        List<Server> servers = new ArrayList<>();
        try {
            String settings = run(List.of(pgScript.toString(), "start", pg.toString(), Integer.toString(pgPort)));
            String datasource = settings.lines().filter(l -> l.contains("=")).reduce("", (a, b) -> a + b + "\n");
            ServerSocket target = lowPort();
            Thread.ofPlatform().daemon().start(() -> {
                while (!target.isClosed()) {
                    try (Socket c = target.accept()) {
                        CONNECTIONS.incrementAndGet();
                    } catch (IOException e) {
                        // closed at the end
                    }
                }
            });

            Server a = Server.start(product, work.resolve("a"), datasource, null);
            servers.add(a);
            a.login(a.initialPassword());
            StringBuilder define = new StringBuilder();
            for (int i = 0; i < HOSTS; i++) {
                define.append("monitoring:host set bench-").append(i).append(" address=127.0.0.1 check=tcp check.port=")
                        .append(target.getLocalPort()).append(" interval=1s attempts=1\n");
            }
            a.answer(define.toString().strip());
            Thread.sleep(5000);
            double one = measure();

            Server b = Server.start(product, work.resolve("b"), datasource, a.workspace);
            servers.add(b);
            b.login(a.initialPassword());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until && !(a.answer("monitoring:share").contains("this node: 32 shards")
                    && b.answer("monitoring:share").contains("this node: 32 shards"))) {
                Thread.sleep(500);
            }
            Thread.sleep(3000);
            double two = measure();
            String share = b.answer("monitoring:share");
            target.close();

            System.out.println();
            System.out.printf("Cluster check throughput (%d TCP checks of 1 s on loopback, one PostgreSQL, %d s each)%n",
                    HOSTS, SECONDS);
            System.out.printf("  one server   %8.1f checks/s   goal >= %d (the demand)   baseline: demand %d/s%n", one,
                    HOSTS, HOSTS);
            System.out.printf("  two servers  %8.1f checks/s   goal >= one server        baseline: one server %.1f/s"
                    + " (%.2fx)%n", two, one, two / one);
            System.out.println("  share while two ran:");
            share.lines().forEach(l -> System.out.println("    " + l));
        } finally {
            for (Server s : servers) {
                s.stop();
            }
            try {
                run(List.of(pgScript.toString(), "stop", pg.toString()));
            } finally {
                try (Stream<Path> all = Files.walk(pg)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static double measure() throws InterruptedException {
        long before = CONNECTIONS.get();
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        long n = CONNECTIONS.get() - before;
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** One bin/opsbench-server with a Gogo console on its standard input. */
    private static final class Server {
        final Process process;
        final Path workspace;
        final Writer in;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        int marker;

        private Server(Process process, Path workspace) {
            this.process = process;
            this.workspace = workspace;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // gone
                }
            });
        }

        static Server start(Path product, Path home, String datasource, Path vaultFrom) throws Exception {
            Path workspace = home.resolve("workspace");
            Path etc = Files.createDirectories(workspace.resolve("etc"));
            Files.writeString(etc.resolve("org.opsbench.persistence.datasource.cfg"), datasource);
            Files.writeString(etc.resolve("org.opsbench.cluster.cfg"), "nodeName = " + home.getFileName() + "\n");
            if (vaultFrom != null) {
                Path keys = Files.createDirectories(workspace.resolve("security"));
                try (Stream<Path> files = Files.list(vaultFrom.resolve("security"))) {
                    for (Path key : files.filter(f -> f.getFileName().toString().matches("vault-.*\\.key")).toList()) {
                        Files.copy(key, keys.resolve(key.getFileName()));
                    }
                }
            }
            Path report = home.resolve("ready");
            ProcessBuilder pb = new ProcessBuilder(product.resolve("bin/opsbench-server").toString(), "--workspace",
                    workspace.toString(), "--console").directory(home.toFile())
                    .redirectError(home.resolve("stderr.txt").toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().put("OPSBENCH_VM_ARGS", "-Dopsbench.startupReport=" + report + " -Dfelix.cm.dir="
                    + home.resolve("cm") + " -Dfelix.fileinstall.enableConfigSave=false");
            Server s = new Server(pb.start(), workspace);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(report) && Files.readString(report).contains("ready="))) {
                if (System.nanoTime() > until || !s.process.isAlive()) {
                    throw new IllegalStateException("server " + home + " did not start; see " + workspace
                            + "/logs");
                }
                Thread.sleep(100);
            }
            return s;
        }

        String initialPassword() throws Exception {
            return Files.readString(workspace.resolve("security/initial-admin-password")).strip();
        }

        void login(String password) throws Exception {
            String out = answer("opsbench:login admin\n" + password);
            if (!out.contains("logged in as admin")) {
                throw new IllegalStateException("login failed: " + out);
            }
        }

        String answer(String command) throws Exception {
            String end = "END-OF-ANSWER-" + (++marker);
            in.write(command + "\necho " + end + "\n");
            in.flush();
            StringBuilder out = new StringBuilder();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l == null) {
                    continue;
                }
                if (l.contains(end) && !l.contains("echo")) {
                    return out.toString();
                }
                out.append(l).append('\n');
            }
            throw new IllegalStateException("no answer to " + command.lines().findFirst().orElse(""));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static ServerSocket lowPort() throws IOException {
        Random random = new Random();
        for (int i = 0; i < 200; i++) {
            try {
                return new ServerSocket(20_000 + random.nextInt(12_000), 200, InetAddress.getLoopbackAddress());
            } catch (IOException inUse) {
                // another
            }
        }
        throw new IOException("no free port in 20000-31999");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }
}
