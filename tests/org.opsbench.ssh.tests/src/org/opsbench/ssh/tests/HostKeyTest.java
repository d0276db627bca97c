package org.opsbench.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.internal.ConsoleCommand;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.testing.SshdExtension;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Strict host-key checking against a real sshd, starting from an empty known_hosts. */
class HostKeyTest {

    @RegisterExtension
    static final SshdExtension SSHD = new SshdExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Principal ADMIN = Principal.system("test");

    private Path knownHosts;
    private JschRemoteShell shell;

    @BeforeEach
    void emptyKnownHosts(@TempDir Path workspace) throws Exception {
        knownHosts = workspace.resolve("ssh").resolve("known_hosts");
        shell = Osgi.shellUsing(knownHosts);
    }

    @Test
    void unknownHostKeyIsRefusedWithItsFingerprintThenApprovedAndUsed() throws Exception {
        SshFailure refused = failure(shell.exec(Osgi.keyTarget(SSHD), "echo hi", TIMEOUT));
        assertEquals(SshFailure.Kind.UNKNOWN_HOST_KEY, refused.kind());
        assertEquals(SSHD.hostKeyFingerprint(), refused.offeredKey().fingerprint());
        assertEquals(refused.offeredKey(), shell.pendingHostKey("127.0.0.1", SSHD.port()).orElseThrow());

        shell.approveHostKey(ADMIN, "127.0.0.1", SSHD.port(), SSHD.hostKeyFingerprint());

        assertEquals(List.of(refused.offeredKey()), shell.knownHosts());
        assertTrue(Files.readString(knownHosts).startsWith("[127.0.0.1]:" + SSHD.port() + " ssh-ed25519 "));
        ExecResult.Completed done = assertInstanceOf(ExecResult.Completed.class,
                shell.exec(Osgi.keyTarget(SSHD), "echo hi", TIMEOUT));
        assertEquals("hi\n", done.stdout());
    }

    @Test
    void approvingAFingerprintOtherThanThePendingKeyIsRefused() {
        failure(shell.exec(Osgi.keyTarget(SSHD), "true", TIMEOUT));
        String wrong = "SHA256:" + "A".repeat(43);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> shell.approveHostKey(ADMIN, "127.0.0.1", SSHD.port(), wrong));

        assertTrue(e.getMessage().contains(SSHD.hostKeyFingerprint()), e.getMessage());
        assertEquals(List.of(), shell.knownHosts());
    }

    @Test
    void approvingWithoutAPendingKeyIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> shell.approveHostKey(ADMIN, "127.0.0.1", SSHD.port(), SSHD.hostKeyFingerprint()));
    }

    @Test
    void scanShowsTheOfferedKeyWithoutTrustingIt() throws Exception {
        HostKey scanned = shell.scanHostKey("127.0.0.1", SSHD.port(), TIMEOUT);

        assertEquals(SSHD.hostKeyFingerprint(), scanned.fingerprint());
        assertEquals(List.of(), shell.knownHosts());
        assertEquals(scanned, shell.pendingHostKey("127.0.0.1", SSHD.port()).orElseThrow());
    }

    @Test
    void hostScanConsoleCommandShowsTheFingerprint() throws Exception {
        ConsoleCommand scan = Osgi.service(ConsoleCommand.class, "(osgi.command.function=host-scan)");

        String out = scan._main("127.0.0.1", String.valueOf(SSHD.port()));

        assertTrue(out.contains(SSHD.hostKeyFingerprint()), out);
    }

    @Test
    void changedHostKeyIsRefusedWithBothFingerprintsAndACriticalEvent() throws Exception {
        failure(shell.exec(Osgi.keyTarget(SSHD), "true", TIMEOUT));
        String oldFingerprint = SSHD.hostKeyFingerprint();
        shell.approveHostKey(ADMIN, "127.0.0.1", SSHD.port(), oldFingerprint);
        assertInstanceOf(ExecResult.Completed.class, shell.exec(Osgi.keyTarget(SSHD), "true", TIMEOUT));
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Hashtable<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, Topics.SECURITY_HOST_KEY_CHANGED);
        ServiceRegistration<EventHandler> handler = Osgi.context().registerService(EventHandler.class, events::add,
                topic);
        try {
            SSHD.restartWithNewHostKey();
            String newFingerprint = SSHD.hostKeyFingerprint();

            SshFailure changed = failure(shell.exec(Osgi.keyTarget(SSHD), "true", TIMEOUT));

            assertEquals(SshFailure.Kind.CHANGED_HOST_KEY, changed.kind());
            assertEquals(newFingerprint, changed.offeredKey().fingerprint());
            assertEquals(oldFingerprint, changed.knownKey().fingerprint());
            Event event = events.poll(10, TimeUnit.SECONDS);
            assertTrue(event != null, "no " + Topics.SECURITY_HOST_KEY_CHANGED + " event");
            assertEquals("127.0.0.1", event.getProperty(EventProperties.HOST));
            assertEquals(SSHD.port(), event.getProperty(EventProperties.PORT));
            assertEquals(newFingerprint, event.getProperty(EventProperties.FINGERPRINT));
            assertEquals(oldFingerprint, event.getProperty(EventProperties.KNOWN_FINGERPRINT));
            assertEquals("CRITICAL", event.getProperty(EventProperties.SEVERITY));
            // the old key must be removed before the new one can be approved
            assertThrows(IllegalStateException.class,
                    () -> shell.approveHostKey(ADMIN, "127.0.0.1", SSHD.port(), newFingerprint));
            assertTrue(shell.removeHostKey(ADMIN, "127.0.0.1", SSHD.port()));
            shell.approveHostKey(ADMIN, "127.0.0.1", SSHD.port(), newFingerprint);
            assertInstanceOf(ExecResult.Completed.class, shell.exec(Osgi.keyTarget(SSHD), "true", TIMEOUT));
        } finally {
            handler.unregister();
        }
    }

    private static SshFailure failure(ExecResult result) {
        return assertInstanceOf(ExecResult.Failed.class, result, result::toString).failure();
    }
}
