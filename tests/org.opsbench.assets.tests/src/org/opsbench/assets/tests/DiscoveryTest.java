package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiQuery;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.Discovery;
import org.opsbench.assets.HistoryEntry;
import org.opsbench.assets.internal.service.AssetsDatabase;
import org.opsbench.assets.internal.store.CiStore;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;
import org.osgi.service.event.Event;

/**
 * The shipped ssh-linux probe against the real sshd fixture on this machine, under several host names (test-hosts):
 * real facts, reconciliation by machine id (never a duplicate), drift recorded and posted.
 */
class DiscoveryTest {

    @RegisterExtension
    static final SshdExtension SSHD = new SshdExtension();
    static final List<String> NAMES = List.of("cmdb-01.test", "cmdb-02.test", "cmdb-03.test");

    private static Discovery discovery;
    private static Assets assets;
    private static Principal operator;
    private static Map<String, String> parameters;

    @BeforeAll
    static void trust() throws Exception {
        Path folder = Files.createTempDirectory("opsbench-assets-known-hosts-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        StringBuilder lines = new StringBuilder();
        for (String n : NAMES) {
            lines.append(SSHD.knownHostsLine(n));
        }
        Path knownHosts = folder.resolve("known_hosts");
        Files.writeString(knownHosts, lines);
        Services.configure(Osgi.context(), "org.opsbench.ssh", Map.of("knownHostsFile", knownHosts.toString()),
                RemoteShell.class, "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", Osgi.TIMEOUT);
        String alias = "assets-tests/ssh-key-" + Osgi.RUN;
        Osgi.service(SecretStore.class).store(Osgi.SYSTEM, alias, SecretStore.Kind.SSH_PRIVATE_KEY, "assets test",
                SSHD.userKey());
        parameters = Map.of("user", SSHD.user(), "port", Integer.toString(SSHD.port()), "credential", alias);
        discovery = Osgi.service(Discovery.class);
        assets = Osgi.service(Assets.class);
        operator = Osgi.user("operator");
    }

    private static Discovery.TargetResult discover(String name) throws Exception {
        List<Discovery.TargetResult> r = discovery.run(operator, "ssh-linux", List.of(name), parameters, 1, null);
        assertTrue(r.get(0).ok(), r.toString());
        return r.get(0);
    }

    private static String local(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void discoveringThisMachineFillsAnItemWithItsRealFacts() throws Exception {
        ConfigurationItem item = assets.get(operator, discover(NAMES.get(0)).ciId()).orElseThrow();
        Map<String, String> f = item.facts();
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), f.get("hostname"));
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), f.get("kernel.release"));
        assertEquals(Files.readString(Path.of("/etc/machine-id")).strip(), f.get("machine.id"));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), f.get("cpu.count"));
        assertEquals(local("dpkg-query", "-W", "-f=${Version}", "openssh-server"), f.get("package.openssh-server"));
        assertTrue(f.get("os.name").length() > 3, f.toString());
        assertTrue(Long.parseLong(f.get("memory.mb")) > 100, f.toString());
        assertNotNull(f.get("fs./.type"), f.toString());
        assertTrue(f.get("net.lo.ipv4").startsWith("127.0.0.1"), f.toString());
        assertTrue(f.get("listen.tcp").contains(Integer.toString(SSHD.port())), f.toString());
        assertTrue(List.of("server", "virtual-machine").contains(item.type()));
    }

    @Test
    void discoveringAgainUnderAnyNameUpdatesTheSameItem() throws Exception {
        Discovery.TargetResult first = discover(NAMES.get(0));
        ConfigurationItem item = assets.get(operator, first.ciId()).orElseThrow();
        List<Discovery.TargetResult> again = discovery.run(operator, "ssh-linux", NAMES, parameters, 3, null);
        for (Discovery.TargetResult r : again) {
            assertTrue(r.ok(), r.toString());
            assertEquals(first.ciId(), r.ciId(), "one machine, one item: " + r);
            assertFalse(r.created());
        }
        CiQuery sameName = new CiQuery(item.type(), item.name(), null, null, null, CiQuery.Sort.NAME, true, 0, 100);
        assertEquals(1, assets.find(operator, sameName).items().stream()
                .filter(i -> i.name().equalsIgnoreCase(item.name())).count());
    }

    @Test
    void changedFactIsRecordedInHistoryAndPostedAsDrift() throws Exception {
        String id = discover(NAMES.get(1)).ciId();
        ConfigurationItem before = assets.get(operator, id).orElseThrow();
        // as if the host ran an older kernel at the last discovery
        Map<String, String> older = new HashMap<>(before.facts());
        older.put("kernel.release", "4.19.0-old");
        Osgi.service(AssetsDatabase.class).tx(c -> {
            CiStore.putFacts(c, id, before.facts(), older);
            return null;
        });
        try (Osgi.Recorder events = new Osgi.Recorder(Topics.ASSETS_DRIFT)) {
            Discovery.TargetResult r = discover(NAMES.get(2));
            assertEquals(id, r.ciId());
            assertTrue(r.changedFacts() >= 1, r.toString());
            Event drift = events.await(Topics.ASSETS_DRIFT, id);
            assertTrue(((String) drift.getProperty("facts")).contains("kernel.release"), drift.toString());
            assertEquals("assets:" + id, drift.getProperty("source"));
        }
        HistoryEntry change = assets.history(operator, id, 500).stream()
                .filter(h -> h.field().equals("fact:kernel.release")).findFirst().orElseThrow();
        assertEquals("4.19.0-old", change.before());
        assertEquals(before.facts().get("kernel.release"), change.after());
        assertEquals("discovery:ssh-linux", change.source());
    }

    @Test
    void unknownHostKeyFailsThatTargetOnlyWithProgressForEach() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Discovery.TargetResult> r = discovery.run(operator, "ssh-linux",
                List.of("cmdb-untrusted.test", NAMES.get(0)), parameters, 2, (done, total, last) -> calls
                        .incrementAndGet());
        assertEquals(2, calls.get());
        assertFalse(r.get(0).ok());
        assertTrue(r.get(0).error().contains("UNKNOWN_HOST_KEY"), r.get(0).error());
        assertTrue(r.get(1).ok(), r.get(1).toString());
    }
}
