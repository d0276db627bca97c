package org.opsbench.changes.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.HostAccess;
import org.opsbench.core.CiRef;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;

/**
 * The real sshd fixture as the host of configuration items: the SSH service trusts its key (a known_hosts file of its
 * own through ConfigAdmin), its login key is in the real vault, and {@link #item} defines the SSH access of an item.
 */
final class TestHost implements BeforeAllCallback, AfterAllCallback {

    private final SshdExtension sshd = new SshdExtension();
    private String alias;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sshd.beforeAll(context);
        Path folder = Files.createTempDirectory("opsbench-changes-known-hosts-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path knownHosts = folder.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine());
        Services.configure(Osgi.context(), "org.opsbench.ssh", Map.of("knownHostsFile", knownHosts.toString()),
                RemoteShell.class, "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", Osgi.TIMEOUT);
        alias = "changes-tests/" + UUID.randomUUID();
        Osgi.service(SecretStore.class).store(People.SETUP, alias, SecretStore.Kind.SSH_PRIVATE_KEY, "changes test",
                new String(sshd.userKey(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        People.ensure();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        sshd.afterAll(context);
    }

    /** A folder on the host that its login user writes. */
    Path files() {
        return sshd.filesDir();
    }

    /** A host item named {@code name} reached on the sshd, its access stored. */
    CiRef item(String name) throws Exception {
        CiRef ci = new CiRef(name, "host", name);
        Osgi.service(ChangeExecution.class).saveAccess(People.OPERATOR,
                new HostAccess(ci.id(), "127.0.0.1", sshd.port(), sshd.user(), alias));
        return ci;
    }
}
