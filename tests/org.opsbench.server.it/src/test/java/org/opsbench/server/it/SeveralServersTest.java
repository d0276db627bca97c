package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real server processes ({@code bin/opsbench-server}) on one real PostgreSQL (started by
 * {@code releng/scripts/pg-local.sh}) share 40 checks of 2 s: both hold shards, one is killed with SIGKILL mid-run, the
 * other takes its shards over after the lease timeout. Every run of a check is seen where it lands: each check is a TCP
 * check of its own listening port on 127.0.0.1, and the test records every connection. Over the whole run no check runs
 * twice in one interval (no two connections to one port closer than half an interval) and none is dropped (no gap
 * longer than two intervals), except once, across the kill, a gap of at most the takeover window: lease time to live (6
 * s) + one renewal round (2 s) + the overdue spread (2 s) + one interval (2 s) + 2 s slack.
 * <p>
 * An event posted in one process (a CMDB item imported on the first server) reaches the other through the database, and
 * so does configuration: a host added and a downtime scheduled through the first server are in the second one's engine
 * within seconds, and after the kill the survivor runs the host it only learned of from the database.
 */
class SeveralServersTest {

    private static final int CHECKS = 40;
    private static final long INTERVAL_MS = 2000;
    private static final int LEASE_SECONDS = 6;
    /** Lease time to live + renewal round (a third of it) + overdue spread + one interval + slack. */
    private static final long TAKEOVER_WINDOW_MS = LEASE_SECONDS * 1000 + 2000 + 2000 + INTERVAL_MS + 2000;

    @RegisterExtension
    final ServerProduct product = new ServerProduct();

    /** Kept after a failure: the two servers' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private Path pg;
    private final List<ServerSocket> targets = new ArrayList<>();

    @AfterEach
    void stopPostgres() throws Exception {
        for (ServerSocket s : targets) {
            s.close();
        }
        if (pg != null) {
            run(List.of(script().toString(), "stop", pg.toString()));
            try (Stream<Path> all = Files.walk(pg)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void twoServersShareTheChecksAndTheSurvivorOfAKillRunsEveryCheckEveryIntervalNeverTwice() throws Exception {
        // a throw-away PostgreSQL in /tmp (its server user must reach the folder: not under the 0700 @TempDir)
        pg = Files.createTempDirectory("opsbench-it-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String settings = run(List.of(script().toString(), "start", pg.toString(), Integer.toString(port)));
        assertTrue(settings.contains("url=jdbc:postgresql://"), settings);
        String datasource = settings.lines().filter(l -> l.contains("=")).reduce("", (a, b) -> a + b + "\n");
        String cluster = "leaseSeconds = " + LEASE_SECONDS + "\nheartbeatSeconds = 1\nnodeTimeoutSeconds = 6\n";

        // the check targets: one listening port per check, every connection recorded
        List<ConcurrentLinkedQueue<Long>> runs = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            ServerSocket target = target();
            targets.add(target);
            ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
            runs.add(seen);
            Thread.ofVirtual().start(() -> {
                while (!target.isClosed()) {
                    try (Socket c = target.accept()) {
                        seen.add(System.nanoTime());
                    } catch (IOException e) {
                        // closed at the end
                    }
                }
            });
        }

        RunningServer a = start("a", datasource, cluster);
        a.loginAsAdmin();
        String nodesA = a.answerUntil("opsbench:nodes",
                out -> out.contains("jdbc:postgresql://") && out.contains("(shared)"));
        assertTrue(Pattern.compile("(?m)^\\S+ \\*\\s+a\\s+yes").matcher(nodesA).find(), nodesA);
        for (int i = 0; i < CHECKS; i++) {
            String host = a.answer("monitoring:host set it-" + i + " address=127.0.0.1 check=tcp check.port="
                    + targets.get(i).getLocalPort() + " interval=2s attempts=1");
            assertTrue(host.contains("created host set it-" + i), host);
        }
        String password = a.initialAdminPassword();

        // every server opens the one vault in the database with the same key file (docs/server.md, "Adding a
        // server")
        Path keys = Files.createDirectories(dir.resolve("b/workspace/security"));
        try (Stream<Path> files = Files.list(a.workspace().resolve("security"))) {
            for (Path key : files.filter(f -> f.getFileName().toString().matches("vault-.*\\.key")).toList()) {
                Files.copy(key, keys.resolve(key.getFileName()));
            }
        }
        RunningServer b = start("b", datasource, cluster);
        b.loginAsAdmin(password);
        // a third process that schedules nothing, as a workbench on the team database does: it only shows
        Files.createDirectories(dir.resolve("c/workspace/etc"));
        Files.writeString(dir.resolve("c/workspace/etc/org.opsbench.monitoring.cfg"), "scheduling = false\n");
        Files.createDirectories(dir.resolve("c/workspace/security"));
        try (Stream<Path> files = Files.list(keys)) {
            for (Path key : files.toList()) {
                Files.copy(key, dir.resolve("c/workspace/security").resolve(key.getFileName()));
            }
        }
        RunningServer viewer = start("c", datasource, cluster);
        viewer.loginAsAdmin(password);
        // the two share the shards: 32 each after at most two renewal rounds
        a.answerUntil("monitoring:share", out -> out.contains("this node: 32 shards"));
        String shareB = b.answerUntil("monitoring:share", out -> out.contains("this node: 32 shards"));
        Matcher checksB = Pattern.compile("(?m)^\\S+ \\*\\s+\\S+\\s+yes\\s+32\\s+(\\d+)").matcher(shareB);
        assertTrue(checksB.find(), shareB);
        int onB = Integer.parseInt(checksB.group(1));
        assertTrue(onB > 0 && onB < CHECKS, "both servers run some of the hosts: " + shareB);
        // measured from here: one interval after the rebalancing settled
        Thread.sleep(INTERVAL_MS);
        long from = System.nanoTime();

        // an event posted in A reaches B through the database
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, "type,name,lifecycle,tags,groups\nserver,it-event,deployed,linux,web\n");
        String imported = a.answer("assets:import csv " + csv);
        assertTrue(!imported.contains("error:"), imported);
        b.answerUntil("opsbench:nodes", out -> out.contains("received org/opsbench/assets/"));

        // configuration changed through A reaches B's engine: a new host, a downtime of a host
        ServerSocket lateTarget = target();
        targets.add(lateTarget);
        ConcurrentLinkedQueue<Long> late = new ConcurrentLinkedQueue<>();
        Thread.ofVirtual().start(() -> {
            while (!lateTarget.isClosed()) {
                try (Socket c = lateTarget.accept()) {
                    late.add(System.nanoTime());
                } catch (IOException e) {
                    // closed at the end
                }
            }
        });
        String lateHost = a.answer("monitoring:host set it-late address=127.0.0.1 check=tcp check.port="
                + lateTarget.getLocalPort() + " interval=2s attempts=1");
        assertTrue(lateHost.contains("created host set it-late"), lateHost);
        String downtime = a.answer("monitoring:downtime add it-0 now 1h maintenance through the first server");
        assertTrue(!downtime.contains("error:"), downtime);
        b.answerUntil("monitoring:hosts", out -> out.lines().anyMatch(l -> l.startsWith("it-late "))
                && out.lines().anyMatch(l -> l.startsWith("it-0 ") && l.contains("downtime")));
        // the viewer shows the servers' states and configuration, and runs nothing (no shards)
        viewer.answerUntil("monitoring:hosts", out -> out.lines().anyMatch(l -> l.startsWith("it-late "))
                && out.lines().anyMatch(l -> l.startsWith("it-0 ") && l.contains("downtime"))
                && out.lines().filter(l -> l.startsWith("it-"))
                        .allMatch(l -> l.matches("it-\\S+\\s+127\\.0\\.0\\.1\\s+UP\\b.*")
                                || l.startsWith("it-late ")));
        String shareC = viewer.answer("monitoring:share");
        assertTrue(shareC.contains("this node: 0 shards"), shareC);

        Thread.sleep(8000);
        long killed = System.nanoTime();
        a.kill();
        b.answerUntil("monitoring:share", out -> out.contains("this node: 64 shards"));
        long allHeld = System.nanoTime();
        Thread.sleep(12_000);
        long to = System.nanoTime();
        long lateRuns = late.stream().filter(t -> t > allHeld && t <= to).count();
        // for a failure message: the survivor's own account (shards, runs, queue, fenced results)
        String survivor = b.answer("monitoring:share") + "\nsurvivor's errors:\n" + b.problems();

        List<String> twice = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        long total = 0;
        long widest = 0;
        for (int i = 0; i < CHECKS; i++) {
            List<Long> seen = runs.get(i).stream().filter(t -> t >= from && t <= to).sorted().toList();
            total += seen.size();
            for (int k = 1; k < seen.size(); k++) {
                widest = Math.max(widest, seen.get(k) - seen.get(k - 1));
            }
            if (seen.isEmpty()) {
                dropped.add("it-" + i + " never ran");
                continue;
            }
            check("it-" + i, from, seen.get(0), killed, dropped);
            for (int k = 1; k < seen.size(); k++) {
                long gap = seen.get(k) - seen.get(k - 1);
                if (gap < TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS / 2)) {
                    twice.add("it-" + i + " twice within " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms at "
                            + ms(from, seen.get(k)));
                }
                check("it-" + i, seen.get(k - 1), seen.get(k), killed, dropped);
            }
            check("it-" + i, seen.get(seen.size() - 1), to, killed, dropped);
        }
        // the evidence in the build log
        System.out.println("SeveralServersTest: " + total + " runs of " + CHECKS + " checks in " + ms(from, to)
                + ", " + onB + " hosts on the second server before the kill, widest gap " + ms(0, widest)
                + " (takeover window " + TAKEOVER_WINDOW_MS + " ms)");
        assertEquals(List.of(), twice, "runs twice in one interval (kill at " + ms(from, killed) + ")");
        assertTrue(lateRuns >= 3, "the host added through the killed server runs on the survivor every interval: "
                + lateRuns + " runs in " + ms(allHeld, to) + "; survivor: " + survivor);
        assertEquals(List.of(), dropped,
                "intervals without a run (kill at " + ms(from, killed) + "); survivor: " + survivor);
        b.terminate();
        viewer.terminate();
    }

    /** A gap between two runs (or the edges of the measurement) is a dropped run if it is longer than allowed. */
    private static void check(String host, long before, long after, long killed, List<String> dropped) {
        boolean acrossKill = before <= killed + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS) && after >= killed;
        long allowed = TimeUnit.MILLISECONDS.toNanos(acrossKill ? TAKEOVER_WINDOW_MS : 2 * INTERVAL_MS);
        if (after - before > allowed) {
            dropped.add(host + " nothing for " + TimeUnit.NANOSECONDS.toMillis(after - before) + " ms after "
                    + TimeUnit.NANOSECONDS.toMillis(before - killed) + " ms from the kill");
        }
    }

    /**
     * A listening port below the ephemeral range: a port the kernel hands out for port 0 may be one that another
     * process on this machine just picked and is now polling for its own server; its connections would count as runs.
     */
    private static ServerSocket target() throws IOException {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            try {
                return new ServerSocket(20_000 + random.nextInt(12_000), 50, InetAddress.getLoopbackAddress());
            } catch (IOException inUse) {
                // another one
            }
        }
        throw new IOException("no free port in 20000-31999");
    }

    private static String ms(long from, long t) {
        return TimeUnit.NANOSECONDS.toMillis(t - from) + " ms";
    }

    private RunningServer start(String name, String datasource, String cluster) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path etc = Files.createDirectories(home.resolve("workspace/etc"));
        Files.writeString(etc.resolve("org.opsbench.persistence.datasource.cfg"), datasource);
        Files.writeString(etc.resolve("org.opsbench.cluster.cfg"), cluster + "nodeName = " + name + "\n");
        // ConfigAdmin keeps its store in the product's configuration area, shared by every process started from one
        // install: each of these servers keeps its own (else the second one, and later tests, inherit the first
        // one's data source), and the test's files stay as written
        RunningServer server = product.startWithVmArgs(home,
                "-Dfelix.cm.dir=" + home.resolve("cm") + " -Dfelix.fileinstall.enableConfigSave=false", "--console");
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        return server;
    }

    private static Path script() {
        Path root = Path.of(System.getProperty("basedir", "."), "../..").toAbsolutePath().normalize();
        Path script = root.resolve("releng/scripts/pg-local.sh");
        if (!Files.isExecutable(script)) {
            fail("no " + script);
        }
        return script;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(command + " failed: " + out);
        }
        return out;
    }
}
