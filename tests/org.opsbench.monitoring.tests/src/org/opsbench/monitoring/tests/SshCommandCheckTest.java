package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.CiRef;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.spi.CheckContext;
import org.opsbench.core.spi.CheckResult;
import org.opsbench.core.spi.CheckType;
import org.opsbench.core.spi.Health;
import org.opsbench.core.spi.Metric;
import org.opsbench.monitoring.CheckParameters;
import org.opsbench.testing.SshdExtension;

/**
 * The {@code ssh-command} check service against a real sshd on 127.0.0.1, reached under several host names, with the
 * login key in the real vault.
 */
class SshCommandCheckTest {

    @RegisterExtension
    static final SshHosts HOSTS = new SshHosts();
    private static final SshdExtension SSHD = HOSTS.sshd();

    private static final CiRef HOST = new CiRef("h1", "host", "mon");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path folder;

    private static CheckResult run(String host, String alias, String command, Duration timeout) throws Exception {
        Map<String, String> parameters = HOSTS.parameters(host, alias);
        parameters.put("command", command);
        CheckType type = Osgi.service(CheckType.class, "(checkType=ssh-command)");
        return type.run(new CheckContext(HOST, host, parameters, timeout));
    }

    private static CheckResult run(String command) throws Exception {
        return run("mon-01.test", HOSTS.key(), command, TIMEOUT);
    }

    @Test
    void exitCodesMapToStatesAsForNagiosPlugins() throws Exception {
        Map<Integer, Health> expected = Map.of(0, Health.OK, 1, Health.WARNING, 2, Health.CRITICAL, 3,
                Health.UNKNOWN, 4, Health.UNKNOWN, 127, Health.UNKNOWN);
        for (Map.Entry<Integer, Health> e : expected.entrySet()) {
            CheckResult result = run("echo 'APP state " + e.getKey() + "'; exit " + e.getKey());
            assertEquals(e.getValue(), result.health(), result.summary());
            String suffix = e.getKey() > 3 ? " (exit code " + e.getKey() + ")" : "";
            assertEquals("APP state " + e.getKey() + suffix, result.summary());
        }
    }

    @Test
    void firstLineIsTheSummaryAndPerfdataBecomeMetrics() throws Exception {
        CheckResult result = run("printf 'QUEUE WARNING - 42 jobs | jobs=42;40;80;0 age=3.5s\\nlong text\\n"
                + "| oldest=120s;;;0\\n'; exit 1");

        assertEquals(Health.WARNING, result.health());
        assertEquals("QUEUE WARNING - 42 jobs", result.summary());
        assertEquals(List.of(new Metric("jobs", 42, ""), new Metric("age", 3.5, "s"), new Metric("oldest", 120, "s")),
                result.metrics());
    }

    @Test
    void withoutOutputTheFirstLineOfStandardErrorIsTheSummary() throws Exception {
        CheckResult result = run("no-such-command-here");

        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().contains("no-such-command-here"), result.summary());
        assertTrue(result.summary().endsWith("(exit code 127)"), result.summary());
    }

    @Test
    void commandRunsAsTheHostsUserThroughItsShell() throws Exception {
        CheckResult result = run("echo \"OK - $(id -un) in $HOME\" | tr a-z A-Z");

        assertEquals(Health.OK, result.health(), result.summary());
        assertTrue(result.summary().startsWith("OK - " + SSHD.user().toUpperCase()), result.summary());
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint() throws Exception {
        CheckResult result = run(SshHosts.UNTRUSTED, HOSTS.key(), "echo should not run", TIMEOUT);

        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().startsWith("SSH UNKNOWN - the ssh-ed25519 host key " + SSHD.hostKeyFingerprint()
                + " of " + SshHosts.UNTRUSTED + ":" + SSHD.port() + " is not known"), result.summary());
        assertEquals(SSHD.hostKeyFingerprint(),
                HOSTS.shell().pendingHostKey(SshHosts.UNTRUSTED, SSHD.port()).orElseThrow().fingerprint());
    }

    @Test
    void aChangedHostKeyIsCritical() throws Exception {
        Path other = folder.resolve("other_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, keygen.waitFor());
        String[] pub = Files.readString(Path.of(other + ".pub")).trim().split("\\s+");
        String host = "mon-08.test";
        try {
            // the known hosts hold another key for mon-08.test than the one the sshd offers
            HOSTS.trust(Map.of(host, "[" + host + "]:" + SSHD.port() + " " + pub[0] + " " + pub[1]
                    + "\n"));

            CheckResult result = run(host, HOSTS.key(), "echo should not run", TIMEOUT);

            assertEquals(Health.CRITICAL, result.health());
            assertTrue(result.summary().startsWith("SSH CRITICAL - the host key of " + host + ":" + SSHD.port()
                    + " CHANGED from "), result.summary());
            assertEquals(Health.OK, run("echo OK").health(), "the other names keep working");
        } finally {
            HOSTS.trust(Map.of());
        }
    }

    @Test
    void aPasswordSecretLogsInWithThePasswordAndARefusalIsUnknown() throws Exception {
        String password = TestVault.store("ssh/password", SecretStore.Kind.PASSWORD, "not-the-password");

        CheckResult result = run("mon-02.test", password, "echo should not run", TIMEOUT);

        assertEquals(Health.UNKNOWN, result.health());
        assertEquals("SSH UNKNOWN - authentication of " + SSHD.user() + "@mon-02.test:" + SSHD.port()
                + " failed: password refused", result.summary());
        assertFalse(result.summary().contains("not-the-password"));
    }

    @Test
    void aMissingOrUnusableSecretIsUnknownNamingTheAlias() throws Exception {
        String token = TestVault.store("ssh/token", SecretStore.Kind.TOKEN, "abc");

        CheckResult missing = run("mon-02.test", "ssh/no-such-alias", "true", TIMEOUT);
        CheckResult wrongKind = run("mon-02.test", token, "true", TIMEOUT);

        assertEquals(Health.UNKNOWN, missing.health());
        assertEquals("SSH UNKNOWN - the SSH credential of host mon-02.test: secret 'ssh/no-such-alias' is not in the"
                + " vault", missing.summary());
        assertEquals(Health.UNKNOWN, wrongKind.health());
        assertTrue(wrongKind.summary().endsWith("secret '" + token + "' is a TOKEN, not a PASSWORD or SSH_PRIVATE_KEY"),
                wrongKind.summary());
    }

    @Test
    void aHostWithoutSshSettingsIsUnknown() throws Exception {
        CheckType type = Osgi.service(CheckType.class, "(checkType=ssh-command)");
        CheckResult result = type.run(new CheckContext(HOST, "mon-03.test",
                Map.of("command", "true", CheckParameters.HOST_NAME, "web-3"), TIMEOUT));

        assertEquals(Health.UNKNOWN, result.health());
        assertEquals("SSH UNKNOWN - host web-3 has no SSH user: set one in the host definition", result.summary());
    }

    @Test
    void aRefusedConnectionIsUnknown() throws Exception {
        Map<String, String> parameters = HOSTS.parameters("mon-03.test");
        int closed = SshdExtension.freePort();
        parameters.put(CheckParameters.SSH_PORT, Integer.toString(closed));
        parameters.put("command", "true");
        CheckType type = Osgi.service(CheckType.class, "(checkType=ssh-command)");

        CheckResult result = type.run(new CheckContext(HOST, "mon-03.test", parameters, TIMEOUT));

        assertEquals(Health.UNKNOWN, result.health());
        assertEquals("SSH UNKNOWN - connection refused by mon-03.test:" + closed, result.summary());
    }

    @Test
    void aCommandPastItsTimeoutIsUnknownAndTheCallReturns() throws Exception {
        CheckResult result = run("mon-04.test", HOSTS.key(), "exec sleep 600", Duration.ofSeconds(1));

        assertEquals(Health.UNKNOWN, result.health());
        assertTrue(result.summary().startsWith("SSH UNKNOWN - timed out after 1 s: command on "), result.summary());
    }
}
