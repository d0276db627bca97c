package org.opsbench.ssh.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.opsbench.ssh.Credential;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Services of the running framework for the tests. */
final class Osgi {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Osgi() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Osgi.class).getBundleContext();
    }

    /** Waits for a service matching {@code filter} (an LDAP filter on top of its type). */
    static <T> T service(Class<T> type, String filter) throws Exception {
        return Services.await(context(), type, filter, TIMEOUT);
    }

    /**
     * Points the RemoteShell at {@code knownHosts} through ConfigAdmin and returns it once the change is live. Each
     * test gets its own file, and the service closes the sessions opened under the previous one.
     */
    static JschRemoteShell shellUsing(Path knownHosts) throws Exception {
        return (JschRemoteShell) Services.configure(context(), JschRemoteShell.PID,
                Map.of("knownHostsFile", knownHosts.toString()), RemoteShell.class,
                "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", TIMEOUT);
    }

    /** A shell whose known_hosts, in {@code workspace}, trusts {@code sshd}'s host key. */
    static JschRemoteShell shellTrusting(SshdExtension sshd, Path workspace) throws Exception {
        Path knownHosts = workspace.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine());
        return shellUsing(knownHosts);
    }

    static SshTarget keyTarget(SshdExtension sshd) {
        return new SshTarget("127.0.0.1", sshd.port(), sshd.user(), new Credential.PrivateKey(sshd.userKey(), null));
    }
}
