package org.opsbench.monitoring.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.core.security.SecretStore;
import org.opsbench.monitoring.CheckParameters;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;

/**
 * One test sshd as several monitored hosts, for a test class: names from the test JVM's hosts file ({@code test-hosts})
 * that all resolve to 127.0.0.1, each trusted by its own known_hosts line (all but {@link #UNTRUSTED}), so that each is
 * a host of its own to the SSH service (own key check, own pooled sessions). The login key is stored in the real vault.
 * Register it after the {@link SshdExtension} it serves.
 */
final class SshHosts implements BeforeAllCallback, AfterAllCallback {

    /** Names whose host key is trusted. */
    static final List<String> TRUSTED = List.of("mon-01.test", "mon-02.test", "mon-03.test", "mon-04.test",
            "mon-05.test", "mon-06.test", "mon-07.test", "mon-08.test");
    /** A name of the same sshd whose key is not in the known hosts. */
    static final String UNTRUSTED = "mon-untrusted.test";
    /** The SSH service's configuration PID. */
    private static final String SSH_PID = "org.opsbench.ssh";

    private final SshdExtension sshd = new SshdExtension();
    private Path folder;
    private RemoteShell shell;
    private String key;

    /** The sshd behind all the names. */
    SshdExtension sshd() {
        return sshd;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sshd.beforeAll(context);
        folder = Files.createTempDirectory("opsbench-known-hosts-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        trust(Map.of());
        key = TestVault.store("ssh/key", SecretStore.Kind.SSH_PRIVATE_KEY, new String(sshd.userKey()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } finally {
            sshd.afterAll(context);
        }
    }

    /**
     * Points the SSH service at a new known_hosts file that trusts the sshd under every name of {@link #TRUSTED}, some
     * lines {@code replaced}; returns the service once the change is live.
     */
    RemoteShell trust(Map<String, String> replaced) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String host : TRUSTED) {
            lines.append(replaced.containsKey(host) ? replaced.get(host) : sshd.knownHostsLine(host));
        }
        Path knownHosts = folder.resolve("known_hosts-" + System.nanoTime());
        Files.writeString(knownHosts, lines);
        shell = Services.configure(Osgi.context(), SSH_PID, Map.of("knownHostsFile", knownHosts.toString()),
                RemoteShell.class, "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", Osgi.TIMEOUT);
        return shell;
    }

    /** The SSH service as last configured. */
    RemoteShell shell() {
        return shell;
    }

    /** The vault alias of the login key. */
    String key() {
        return key;
    }

    /** The parameters the scheduler adds for a host at {@code host} reached with the login key. */
    Map<String, String> parameters(String host) {
        return parameters(host, key);
    }

    /** The parameters the scheduler adds for a host at {@code host} reached with the secret {@code alias}. */
    Map<String, String> parameters(String host, String alias) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CheckParameters.HOST_NAME, host);
        parameters.put(CheckParameters.SSH_USER, sshd.user());
        parameters.put(CheckParameters.SSH_PORT, Integer.toString(sshd.port()));
        parameters.put(CheckParameters.SSH_CREDENTIAL, alias);
        return parameters;
    }
}
