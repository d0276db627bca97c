package org.opsbench.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.testing.SshdExtension;

/** Sessions are shared, bounded and replaced when they die. */
class SessionReuseTest {

    @RegisterExtension
    static final SshdExtension SSHD = new SshdExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private JschRemoteShell shell;

    @BeforeEach
    void trustTheHost(@TempDir Path workspace) throws Exception {
        shell = Osgi.shellTrusting(SSHD, workspace);
    }

    @Test
    void fiftyParallelCommandsAllSucceedOverAFewReusedSessions() throws Exception {
        long before = shell.sessionsOpened();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<ExecResult>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String command = "echo command-" + i;
                results.add(pool.submit(() -> shell.exec(Osgi.keyTarget(SSHD), command, TIMEOUT)));
            }
            for (int i = 0; i < 50; i++) {
                ExecResult result = results.get(i).get();
                ExecResult.Completed done = assertInstanceOf(ExecResult.Completed.class, result, result::toString);
                assertEquals("command-" + i + "\n", done.stdout());
                assertEquals(0, done.exitCode());
            }
        } finally {
            pool.shutdownNow();
        }
        long opened = shell.sessionsOpened() - before;
        assertTrue(opened >= 1 && opened <= 10, "50 commands opened " + opened + " sessions");
    }

    @Test
    void aSessionKilledUnderneathIsReplacedTransparently() throws Exception {
        assertInstanceOf(ExecResult.Completed.class, shell.exec(Osgi.keyTarget(SSHD), "true", TIMEOUT));
        long before = shell.sessionsOpened();

        SSHD.killConnections();
        ExecResult result = shell.exec(Osgi.keyTarget(SSHD), "echo again", TIMEOUT);

        ExecResult.Completed done = assertInstanceOf(ExecResult.Completed.class, result, result::toString);
        assertEquals("again\n", done.stdout());
        assertEquals(before + 1, shell.sessionsOpened(), "one new session replaces the dead one");
    }
}
