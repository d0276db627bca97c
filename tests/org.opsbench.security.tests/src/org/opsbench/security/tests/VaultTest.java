package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.core.security.SecretStore.Kind;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.Vault;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.osgi.util.tracker.ServiceTracker;

/** Secrets are sealed at rest, never logged, refused without permission, and survive master key rotation. */
class VaultTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime();

    private static final String PASSWORD = "Quokka-Lantern-5521-plain";
    private static final String TOKEN = "tok_Zx81Marmalade77Harbor";
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUtUniqueKeyBody9931\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final LogListener listener = entry -> logged.add(render(entry));
    private LogReaderService reader;
    private LoggerContext context;
    private Map<String, LogLevel> levels;

    @BeforeEach
    void logEverything() throws Exception {
        RUNTIME.freshDatabase();
        context = service(LoggerAdmin.class).getLoggerContext("org.opsbench.security");
        levels = context.getLogLevels();
        context.setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG));
        reader = service(LogReaderService.class);
        reader.addLogListener(listener);
    }

    @AfterEach
    void restoreLogLevels() {
        reader.removeLogListener(listener);
        context.setLogLevels(levels);
    }

    @Test
    void plaintextIsNeitherInTheDatabaseFilesNorInTheLog() throws Exception {
        SecretStore store = RUNTIME.service(SecretStore.class);
        Principal admin = RUNTIME.admin();
        store.store(admin, "db/password", Kind.PASSWORD, "the database", PASSWORD.getBytes(StandardCharsets.UTF_8));
        store.store(admin, "api/token", Kind.TOKEN, "", TOKEN.getBytes(StandardCharsets.UTF_8));
        store.store(admin, "ssh/web-01", Kind.SSH_PRIVATE_KEY, "", KEY.getBytes(StandardCharsets.UTF_8));
        try (Secret s = store.lookup(admin, "db/password").orElseThrow()) {
            assertEquals(PASSWORD, new String(s.chars()));
            assertFalse(s.toString().contains(PASSWORD));
        }
        // wrong permission: the exception does not carry the value either
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> store.lookup(Principal.user("nobody", null), "db/password"));
        assertFalse(refused.getMessage().contains(PASSWORD));
        RUNTIME.checkpoint();

        String keyBody = "UniqueKeyBody9931";
        List<Path> files = filesUnder(RUNTIME.databaseFolder());
        files.addAll(filesUnder(RUNTIME.securityFolder()));
        assertTrue(files.size() > 5, "Derby's files: " + files);
        boolean aliasSeen = false;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (String plain : List.of(PASSWORD, TOKEN, keyBody)) {
                assertFalse(contains(bytes, plain), plain + " in " + f);
            }
            aliasSeen |= contains(bytes, "ssh/web-01");
        }
        assertTrue(aliasSeen, "the grep works: the alias (stored in clear) is found in Derby's files");
        String log = String.join("\n", logged);
        assertTrue(log.contains("vault"), "the vault logged something: " + log);
        for (String plain : List.of(PASSWORD, TOKEN, keyBody)) {
            assertFalse(log.contains(plain), plain + " in the log");
        }
        for (var r : RUNTIME.service(AuditTrail.class).search(admin, AuditQuery.latest(0))) {
            assertFalse(r.toString().contains(PASSWORD), r.toString());
        }
    }

    @Test
    void rotationToAPassphraseKeepsEverySecretReadableAndAWrongPassphraseIsRefused() throws Exception {
        SecretStore store = RUNTIME.service(SecretStore.class);
        Principal admin = RUNTIME.admin();
        for (int i = 0; i < 10; i++) {
            store.store(admin, "s" + i, Kind.PASSWORD, "", ("value-" + i).getBytes(StandardCharsets.UTF_8));
        }
        Vault vault = RUNTIME.service(Vault.class);
        assertEquals(Vault.Mode.KEY_FILE, vault.mode());
        assertEquals(10, vault.rotate(admin, "Master-Passphrase-1".toCharArray()));
        assertReadable(store, admin);

        RUNTIME.restart();
        Vault restarted = RUNTIME.service(Vault.class);
        SecretStore reopened = RUNTIME.service(SecretStore.class);
        assertEquals(Vault.Mode.PASSPHRASE, restarted.mode());
        assertFalse(restarted.isUnlocked());
        IllegalStateException locked = assertThrows(IllegalStateException.class,
                () -> reopened.lookup(admin, "s1"));
        assertTrue(locked.getMessage().contains("locked"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> restarted.unlock("Wrong-Passphrase".toCharArray()));
        assertEquals("wrong master passphrase", wrong.getMessage());
        restarted.unlock("Master-Passphrase-1".toCharArray());
        assertReadable(reopened, admin);

        assertEquals(10, restarted.rotate(admin, "Master-Passphrase-2".toCharArray()));
        assertReadable(reopened, admin);
        assertEquals(10, restarted.rotate(admin, null));
        assertEquals(Vault.Mode.KEY_FILE, restarted.mode());
        assertReadable(reopened, admin);
        RUNTIME.restart();
        assertReadable(RUNTIME.service(SecretStore.class), admin);
    }

    @Test
    void aSealedValueMovedToAnotherAliasDoesNotOpen() throws Exception {
        SecretStore store = RUNTIME.service(SecretStore.class);
        Principal admin = RUNTIME.admin();
        store.store(admin, "a", Kind.TOKEN, "", "alpha-token".getBytes(StandardCharsets.UTF_8));
        store.store(admin, "b", Kind.TOKEN, "", "beta-token".getBytes(StandardCharsets.UTF_8));
        RUNTIME.sql("UPDATE SECURITY_SECRET SET SEALED = (SELECT SEALED FROM SECURITY_SECRET WHERE ALIAS = 'a')"
                + " WHERE ALIAS = 'b'");
        assertThrows(IllegalArgumentException.class, () -> store.lookup(admin, "b"));
        assertArrayEquals("alpha-token".getBytes(StandardCharsets.UTF_8),
                store.lookup(admin, "a").orElseThrow().bytes());
    }

    private static void assertReadable(SecretStore store, Principal admin) {
        for (int i = 0; i < 10; i++) {
            try (Secret s = store.lookup(admin, "s" + i).orElseThrow()) {
                assertEquals("value-" + i, new String(s.bytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer : for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static <T> T service(Class<T> type) throws Exception {
        var ctx = FrameworkUtil.getBundle(VaultTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        return tracker.waitForService(10_000);
    }

    private static String render(LogEntry entry) {
        Throwable e = entry.getException();
        return entry.getLoggerName() + " " + entry.getMessage() + (e == null ? "" : " " + e);
    }
}
