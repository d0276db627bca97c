package org.opsbench.backup.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.SourceKind;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SecretStore;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.testing.Services;
import org.opsbench.testing.SshdExtension;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * A real sshd on 127.0.0.1 as the backed-up host, trusted by the SSH service, its login key in the real vault; the
 * backup service; folders the login user owns; and the backup events as they are posted.
 */
final class BackupHost implements BeforeAllCallback, AfterAllCallback {

    static final Principal OPS = Principal.system("backup-tests");
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private final SshdExtension sshd = new SshdExtension();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private ServiceRegistration<EventHandler> handler;
    private Path knownHosts;
    private String keyAlias;
    private String aesAlias;
    private Backup backup;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sshd.beforeAll(context);
        knownHosts = Files.createTempFile("opsbench-backup-known-hosts-", "");
        Files.writeString(knownHosts, sshd.knownHostsLine());
        Services.configure(Osgi.context(), "org.opsbench.ssh", Map.of("knownHostsFile", knownHosts.toString()),
                RemoteShell.class, "(knownHostsFile=" + Services.escape(knownHosts.toString()) + ")", Osgi.TIMEOUT);
        SecretStore vault = Osgi.service(SecretStore.class);
        keyAlias = "backup-tests/ssh/" + UUID.randomUUID();
        vault.store(OPS, keyAlias, SecretStore.Kind.SSH_PRIVATE_KEY, "backup test login", sshd.userKey());
        aesAlias = "backup-tests/aes/" + UUID.randomUUID();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        vault.store(OPS, aesAlias, SecretStore.Kind.TOKEN, "backup test key",
                java.util.Base64.getEncoder().encode(key));
        handler = Osgi.context().registerService(EventHandler.class, events::add,
                new java.util.Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "org/opsbench/backup/*")));
        backup = Osgi.service(Backup.class);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        handler.unregister();
        Files.deleteIfExists(knownHosts);
        sshd.afterAll(context);
    }

    SshdExtension sshd() {
        return sshd;
    }

    Backup backup() {
        return backup;
    }

    String keyAlias() {
        return keyAlias;
    }

    String aesAlias() {
        return aesAlias;
    }

    /** Events posted so far (taken from the queue). */
    BlockingQueue<Event> events() {
        return events;
    }

    /** A new folder below the login user's files, owned by the login user. */
    Path folder(String name) throws IOException {
        Path p = Files.createDirectories(sshd.filesDir().resolve(name + "-" + RUN + "-" + UUID.randomUUID()));
        own(p);
        return p;
    }

    /** Gives {@code path} and everything below it to the login user (when the tests run as root). */
    void own(Path path) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(sshd.user());
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(sshd.user());
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    /** A paths job over SSH to this host, into a local folder. */
    JobDefinition pathsJob(String name, List<String> paths, Path repository, boolean compress, boolean encrypt,
            Retention retention) {
        return new JobDefinition(name, "test", SourceKind.PATHS, "127.0.0.1", sshd.port(), sshd.user(), keyAlias,
                paths, "", "local-dir", Map.of("folder", repository.toString()), "", "UTC", compress,
                encrypt ? aesAlias : "", retention, "", "", true);
    }

    /** A command job over SSH to this host, into a local folder. */
    JobDefinition commandJob(String name, String command, Path repository) {
        return commandJob(name, command, repository, true);
    }

    /** A command job over SSH to this host, into a local folder, gzipped or not. */
    JobDefinition commandJob(String name, String command, Path repository, boolean compress) {
        return new JobDefinition(name, "test", SourceKind.COMMAND, "127.0.0.1", sshd.port(), sshd.user(), keyAlias,
                List.of(), command, "local-dir", Map.of("folder", repository.toString()), "", "UTC", compress, "",
                Retention.KEEP_ALL, "", "", true);
    }

    /** Every regular file below {@code root}: relative path to content. */
    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** Writes a small tree with binary, text, empty, nested and oddly named files. */
    static void populate(Path root) throws IOException {
        byte[] binary = new byte[2 * 1024 * 1024 + 123];
        new java.util.Random(7).nextBytes(binary);
        Files.write(root.resolve("binary.bin"), binary);
        Files.writeString(root.resolve("notes.txt"), "first line\nzweite Zeile: grün\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("empty"), "");
        Path nested = Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(nested.resolve("deep.conf"), "key=value\n");
        Files.writeString(root.resolve("with space 'quote'.txt"), "odd name\n");
        Files.setPosixFilePermissions(root.resolve("notes.txt"), PosixFilePermissions.fromString("rw-r-----"));
    }
}
