import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.internal.checks.TcpCheck;
import org.opsbench.monitoring.internal.engine.EffectsWriter;
import org.opsbench.monitoring.internal.engine.Engine;
import org.opsbench.monitoring.internal.engine.MonitoringRuntime;
import org.opsbench.monitoring.internal.engine.Scheduler;
import org.opsbench.monitoring.internal.metrics.Retention;
import org.opsbench.monitoring.internal.metrics.TimeSeriesStore;
import org.opsbench.monitoring.internal.store.StateStore;
import org.osgi.service.log.Logger;

/**
 * Benchmark of the monitoring pipeline without OSGi: the real Scheduler, Engine and EffectsWriter (states, history and
 * metric samples written in batches to embedded Derby) with real check types, wired the way MonitoringRuntime wires
 * them. Run by releng/bench-monitoring; prints each figure beside its goal and its baseline from the same run.
 */
public final class MonitoringBench {

    static final int HOSTS = Integer.getInteger("hosts", 100);
    static final int CHECKS_PER_HOST = Integer.getInteger("checksPerHost", 100);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    // the first results create one metric series each (a transaction apiece): measure once that is done
    static final int WARMUP = Integer.getInteger("warmup", 10);
    static final int PORTS = 16;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        List<String> which = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("tcp");
        if (which.contains("tcp")) {
            tcp(folder.resolve("tcp"));
        }
        if (which.contains("ssh")) {
            new SshBench(Files.createDirectories(folder.resolve("ssh"))).run();
        }
    }

    // ---- cheap checks (TCP connect on loopback) through the scheduler

    private static void tcp(Path folder) throws Exception {
        List<ServerSocket> servers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < PORTS; i++) {
            ServerSocket server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
            servers.add(server);
            Thread.ofPlatform().daemon().name("accept-" + i).start(() -> acceptAndClose(server, stop));
        }
        int checks = HOSTS * CHECKS_PER_HOST;
        System.out.printf("tcp: %d hosts x %d tcp checks every 1 s (offered %,d checks/s) + %d tcp host checks, against %d"
                + " loopback listeners; scheduler limits 256 at once, 4 per host; %d s measured after %d s%n", HOSTS,
                CHECKS_PER_HOST, checks, HOSTS, PORTS, SECONDS, WARMUP);

        double baseline = rawConnects(servers, 256, Duration.ofSeconds(Math.max(5, SECONDS / 2)));

        EmbeddedDataSource ds = dataSource(folder.resolve("db"));
        migrate(ds);
        TimeSeriesStore metrics = new TimeSeriesStore(ds, Retention.DEFAULT);
        StateStore states = new StateStore(ds);
        Engine engine = new Engine();
        for (int h = 0; h < HOSTS; h++) {
            String host = "host-" + h;
            int port = servers.get(h % PORTS).getLocalPort();
            engine.putHost(HostDefinition.of(host, "127.0.0.1").withHostCheck("tcp",
                    Map.of(TcpCheck.PORT, Integer.toString(port)), Duration.ofSeconds(1), 3));
            for (int c = 0; c < CHECKS_PER_HOST; c++) {
                int p = servers.get((h + c) % PORTS).getLocalPort();
                engine.putCheck(CheckDefinition.of(host, "tcp-" + c, "tcp", Map.of(TcpCheck.PORT, Integer.toString(p)))
                        .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(5)));
            }
        }
        EffectsWriter writer = new EffectsWriter(states, metrics, (ci, change, summary, at) -> true, id -> null,
                quietLogger(), 500);
        Map<String, CheckType> types = Map.of("tcp", new TcpCheck());
        AtomicLong completed = new AtomicLong();
        AtomicLong problems = new AtomicLong();
        Pipeline plan = new Pipeline(engine, writer, types, completed, problems);
        Scheduler scheduler = new Scheduler(plan, Clock.systemUTC(), 256, 4);
        for (int h = 0; h < HOSTS; h++) {
            scheduler.schedule(CheckKey.host("host-" + h));
            for (int c = 0; c < CHECKS_PER_HOST; c++) {
                scheduler.schedule(new CheckKey("host-" + h, "tcp-" + c));
            }
        }
        Thread.sleep(WARMUP * 1000L);
        long c0 = completed.get();
        long t0 = System.nanoTime();
        Thread.sleep(SECONDS * 1000L);
        long c1 = completed.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        scheduler.close();
        writer.flush();
        writer.close();
        stop.set(true);
        for (ServerSocket s : servers) {
            s.close();
        }
        double rate = (c1 - c0) / seconds;
        long rows = scalar(ds, "SELECT COUNT(*) FROM MON_STATE");
        if (plan.firstProblem().get() != null) {
            System.out.println("  first result not OK: " + plan.firstProblem().get());
        }
        System.out.printf("tcp checks through the scheduler: %,.0f checks/s (%,d results in %.1f s; %,d not OK; %,d state"
                + " rows, %,d write batches)   goal >= 5,000/s%n", rate, c1 - c0, seconds, problems.get(), rows,
                writer.batches());
        System.out.printf("  baseline, same run: %,.0f bare TCP connects/s from 256 virtual threads to the same"
                + " listeners (no scheduler, no engine, no database): the scheduler keeps %.0f%% of it%n", baseline,
                100 * rate / baseline);
    }

    /** Plain connect-and-close loops, the ceiling of what any scheduler could do on these sockets. */
    private static double rawConnects(List<ServerSocket> servers, int threads, Duration length) throws Exception {
        AtomicLong n = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                int port = servers.get(i % servers.size()).getLocalPort();
                pool.submit(() -> {
                    while (!done.get()) {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                            n.incrementAndGet();
                        } catch (IOException e) {
                            // counted as not done
                        }
                    }
                    finished.countDown();
                    return null;
                });
            }
            Thread.sleep(length.toMillis());
            done.set(true);
            finished.await();
        }
        return n.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void acceptAndClose(ServerSocket server, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                server.accept().close();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** MonitoringRuntime's plan for the scheduler: timing from the engine, its way to run a check, results into the engine. */
    record Pipeline(Engine engine, EffectsWriter writer, Map<String, CheckType> types, AtomicLong completed,
            AtomicLong problems, AtomicReference<String> firstProblem) implements Scheduler.Plan {

        Pipeline(Engine engine, EffectsWriter writer, Map<String, CheckType> types, AtomicLong completed,
                AtomicLong problems) {
            this(engine, writer, types, completed, problems, new AtomicReference<>());
        }

        @Override
        public Scheduler.Timing timing(CheckKey key) {
            return engine.timing(key);
        }

        @Override
        public CheckResult run(CheckKey key, Duration timeout) throws InterruptedException {
            return MonitoringRuntime.run(engine, types::get, key, timeout);
        }

        @Override
        public void completed(CheckKey key, CheckResult result, Instant at) {
            completed.incrementAndGet();
            if (result.health() != Health.OK) {
                problems.incrementAndGet();
                firstProblem.compareAndSet(null, key + ": " + result.summary());
            }
            synchronized (engine) {
                writer.submit(engine.accept(key, result, at));
            }
        }
    }

    // ---- plumbing

    static Logger quietLogger() {
        return (Logger) Proxy.newProxyInstance(MonitoringBench.class.getClassLoader(), new Class<?>[]{Logger.class},
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

    static EmbeddedDataSource dataSource(Path folder) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(folder.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    static void migrate(EmbeddedDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var scripts = Files.list(Path.of("bundles/org.opsbench.monitoring/migrations"))) {
            for (Path script : scripts.sorted().toList()) {
                // comments first: they may hold semicolons
                String text = String.join("\n",
                        Files.readString(script).lines().filter(l -> !l.strip().startsWith("--")).toList());
                for (String sql : text.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
        // it exists now: later connections would each carry a warning that it was not created
        ds.setCreateDatabase(null);
    }

    static long scalar(EmbeddedDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
