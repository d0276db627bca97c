package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.CheckStatus;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.HostState;
import org.opsbench.monitoring.HostStatus;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.monitoring.StateHistoryEntry;
import org.opsbench.monitoring.StateType;
import org.opsbench.testing.SshdExtension;

/**
 * SSH checks through the real monitoring services and scheduler, against one sshd reached under several host names:
 * SOFT to HARD and back, a hung command that times out while the other hosts' checks keep running, one session per host
 * name, and the default {@code ping} host check.
 */
class SshSchedulingTest {

    @RegisterExtension
    static final SshHosts HOSTS = new SshHosts();
    private static final SshdExtension SSHD = HOSTS.sshd();

    private static final Principal OPS = Principal.system("monitoring-tests");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private static MonitoringAdmin admin;
    private static Monitoring monitoring;

    @BeforeAll
    static void services() throws Exception {
        admin = Osgi.service(MonitoringAdmin.class, null);
        monitoring = Osgi.service(Monitoring.class, null);
    }

    /** A host reached over SSH at {@code alias}; its host check runs only on demand (long interval). */
    private static HostDefinition host(String name, String alias) {
        return HostDefinition.of(name, alias).withSsh(SSHD.user(), SSHD.port(), HOSTS.key()).withHostCheck("ping",
                Map.of("method", "tcp", "packets", "1"), Duration.ofHours(1), 1);
    }

    private static String status(List<StateHistoryEntry> history) {
        return String.join(",", history.stream().map(h -> h.newState() + "/" + h.stateType()).toList());
    }

    @Test
    void aProblemGoesSoftThenHardThroughTheSchedulerAndRecovers() throws Exception {
        String name = "ssh-a-" + RUN;
        Path flag = SSHD.filesDir().resolve("down-" + RUN);
        String command = "if [ -e '" + flag + "' ]; then echo 'APP CRITICAL - flag set | errors=3;1;2;0'; exit 2;"
                + " fi; echo 'APP OK - running | errors=0;1;2;0'";
        admin.saveHost(OPS, host(name, "mon-01.test"));
        admin.saveCheck(OPS, CheckDefinition.of(name, "app", "ssh-command", Map.of("command", command))
                .withTiming(Duration.ofHours(1), Duration.ofHours(1), 3, Duration.ofSeconds(15)));
        CheckKey key = new CheckKey(name, "app");
        try {
            CheckStatus ok = monitoring.runNow(OPS, key, WAIT);
            assertEquals(Health.OK, ok.state(), ok.output());
            assertEquals("APP OK - running", ok.output());

            Files.createFile(flag);
            CheckStatus first = monitoring.runNow(OPS, key, WAIT);
            CheckStatus second = monitoring.runNow(OPS, key, WAIT);
            CheckStatus third = monitoring.runNow(OPS, key, WAIT);
            Files.delete(flag);
            CheckStatus recovered = monitoring.runNow(OPS, key, WAIT);

            assertEquals(List.of("CRITICAL/SOFT/1", "CRITICAL/SOFT/2", "CRITICAL/HARD"),
                    List.of(first.state() + "/" + first.stateType() + "/" + first.attempt(),
                            second.state() + "/" + second.stateType() + "/" + second.attempt(),
                            third.state() + "/" + third.stateType()));
            assertEquals("APP CRITICAL - flag set", third.output());
            assertEquals(List.of(new Metric("errors", 3, "")), third.metrics());
            assertEquals(Health.OK, recovered.hardState());
            assertEquals(StateType.HARD, recovered.stateType());
            // newest first, back to the first result
            assertEquals("OK/HARD,CRITICAL/HARD,CRITICAL/SOFT,OK/HARD",
                    status(monitoring.history(OPS, key, Instant.EPOCH, Instant.now().plusSeconds(1), 10)));
        } finally {
            admin.deleteHost(OPS, name);
        }
    }

    @Test
    void aHungCommandTimesOutWhileTheOtherHostsKeepBeingChecked() throws Exception {
        Path log = SSHD.filesDir().resolve("runs-" + RUN + ".log");
        String hung = "ssh-hung-" + RUN;
        List<String> others = List.of("ssh-f1-" + RUN, "ssh-f2-" + RUN, "ssh-f3-" + RUN, "ssh-f4-" + RUN);
        List<String> aliases = List.of("mon-03.test", "mon-04.test", "mon-05.test", "mon-06.test");
        try {
            admin.saveHost(OPS, host(hung, "mon-02.test"));
            // the run writes when it started (ms, this machine's clock), then hangs until the check's timeout
            admin.saveCheck(OPS, CheckDefinition.of(hung, "hang", "ssh-command", Map.of("command",
                    "printf 'start %s\\n' \"$(date +%s%3N)\" >> '" + log + "'; exec sleep 600")).withTiming(
                            Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(4)));
            for (int i = 0; i < others.size(); i++) {
                admin.saveHost(OPS, host(others.get(i), aliases.get(i)));
                admin.saveCheck(OPS, CheckDefinition.of(others.get(i), "alive", "ssh-command", Map.of("command",
                        "printf '%s " + others.get(i) + "\\n' \"$(date +%s%3N)\" >> '" + log + "'; echo 'OK - alive'"))
                        .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(10)));
            }
            CheckStatus timedOut = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (timedOut == null && System.nanoTime() < deadline) {
                CheckStatus s = monitoring.checks(OPS, hung).get(0);
                if (s.state() == Health.UNKNOWN) {
                    timedOut = s;
                }
                Thread.sleep(20);
            }
            assertTrue(timedOut != null, "the hung check never ended");
            assertTrue(timedOut.output().startsWith("SSH UNKNOWN - timed out after 4 s: command on "),
                    timedOut.output());

            // what the other hosts' checks did between the hung run's start and its result
            long started = Long.MAX_VALUE;
            Map<String, Integer> during = new HashMap<>();
            List<String> lines = new ArrayList<>(Files.readAllLines(log));
            for (String line : lines) {
                String[] fields = line.split(" ");
                if (fields[0].equals("start")) {
                    started = Math.min(started, Long.parseLong(fields[1]));
                }
            }
            long ended = timedOut.lastCheck().toEpochMilli();
            for (String line : lines) {
                String[] fields = line.split(" ");
                if (!fields[0].equals("start")) {
                    long at = Long.parseLong(fields[0]);
                    if (at > started && at < ended) {
                        during.merge(fields[1], 1, Integer::sum);
                    }
                }
            }
            for (String other : others) {
                assertTrue(during.getOrDefault(other, 0) >= 2,
                        other + " ran " + during.getOrDefault(other, 0) + " times while the hung check hung: "
                                + during);
            }
        } finally {
            admin.deleteHost(OPS, hung);
            others.forEach(o -> admin.deleteHost(OPS, o));
        }
    }

    @Test
    void eachHostNameHasItsOwnSessionReusedForItsChecks() throws Exception {
        CheckType type = Osgi.service(CheckType.class, "(checkType=ssh-command)");
        long before = SSHD.acceptedLogins();
        for (int round = 0; round < 3; round++) {
            for (String alias : List.of("mon-07.test", "mon-08.test")) {
                Map<String, String> parameters = HOSTS.parameters(alias);
                parameters.put("command", "echo OK");
                assertEquals(Health.OK,
                        type.run(new CheckContext(null, alias, parameters, Duration.ofSeconds(20))).health());
            }
        }
        MonitoringServiceTest.waitFor(() -> logins() >= before + 2);
        assertEquals(before + 2, logins(), "one login per host name, then its session is reused");
    }

    private static long logins() {
        try {
            return SSHD.acceptedLogins();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aHostWithoutAnExplicitHostCheckIsPinged() throws Exception {
        String name = "ssh-p-" + RUN;
        admin.saveHost(OPS, HostDefinition.of(name, "127.0.0.1"));
        try {
            monitoring.runNow(OPS, CheckKey.host(name), WAIT);
            HostStatus status = monitoring.hosts(OPS).stream().filter(h -> h.name().equals(name)).findFirst()
                    .orElseThrow();
            assertEquals(HostState.UP, status.state(), status.output());
            assertTrue(status.output().startsWith("PING OK - Packet loss = 0%"), status.output());
        } finally {
            admin.deleteHost(OPS, name);
        }
    }
}
