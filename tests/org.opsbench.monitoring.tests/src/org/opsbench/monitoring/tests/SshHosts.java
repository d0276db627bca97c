package org.opsbench.monitoring.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opsbench.core.security.SecretStore;
import org.opsbench.monitoring.CheckParameters;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;

/**
 * One test sshd as several monitored hosts: names from the test JVM's hosts file ({@code test-hosts}) that all resolve
 * to 127.0.0.1, each trusted by its own known_hosts line (all but {@link #UNTRUSTED}), so that each is a host of its
 * own to the SSH service (own key check, own pooled sessions).
 */
final class SshHosts {

    /** Names whose host key is trusted. */
    static final List<String> TRUSTED = List.of("mon-01.test", "mon-02.test", "mon-03.test", "mon-04.test",
            "mon-05.test", "mon-06.test", "mon-07.test", "mon-08.test");
    /** A name of the same sshd whose key is not in the known hosts. */
    static final String UNTRUSTED = "mon-untrusted.test";
    /** The SSH service's configuration PID. */
    private static final String SSH_PID = "org.opsbench.ssh";

    private SshHosts() {
    }

    /**
     * Points the SSH service at a known_hosts file in {@code folder} that trusts {@code sshd} under every name of
     * {@link #TRUSTED}; returns the service once the change is live.
     */
    static RemoteShell trust(SshdExtension sshd, Path folder) throws Exception {
        return trust(sshd, folder, Map.of());
    }

    /** As {@link #trust(SshdExtension, Path)}, with the known_hosts lines of some names replaced. */
    static RemoteShell trust(SshdExtension sshd, Path folder, Map<String, String> replaced) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String host : TRUSTED) {
            lines.append(replaced.containsKey(host) ? replaced.get(host) : sshd.knownHostsLine(host));
        }
        Path knownHosts = folder.resolve("known_hosts-" + System.nanoTime());
        Files.writeString(knownHosts, lines);
        return Services.configure(Osgi.context(), SSH_PID, Map.of("knownHostsFile", knownHosts.toString()),
                RemoteShell.class, "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", Osgi.TIMEOUT);
    }

    /** Stores the sshd's user key in the real vault; returns its alias. */
    static String keyInVault(SshdExtension sshd) throws Exception {
        return TestVault.store("ssh/key", SecretStore.Kind.SSH_PRIVATE_KEY, new String(sshd.userKey()));
    }

    /** The parameters the scheduler adds for a host reached as the sshd's user with the secret {@code alias}. */
    static Map<String, String> sshParameters(SshdExtension sshd, String host, String alias) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CheckParameters.HOST_NAME, host);
        parameters.put(CheckParameters.SSH_USER, sshd.user());
        parameters.put(CheckParameters.SSH_PORT, Integer.toString(sshd.port()));
        parameters.put(CheckParameters.SSH_CREDENTIAL, alias);
        return parameters;
    }
}
