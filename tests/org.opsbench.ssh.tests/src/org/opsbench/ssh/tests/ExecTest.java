package org.opsbench.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.OutputListener;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.testing.SshdExtension;

/** Commands against a real sshd whose host key is known. */
class ExecTest {

    @RegisterExtension
    static final SshdExtension SSHD = new SshdExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private JschRemoteShell shell;

    @BeforeEach
    void trustTheHost(@TempDir Path workspace) throws Exception {
        shell = Osgi.shellTrusting(SSHD, workspace);
    }

    @Test
    void execReturnsStdoutStderrAndTheExitCodeAsIs() {
        ExecResult result = shell.exec(Osgi.keyTarget(SSHD), "echo out; echo err >&2; exit 3", TIMEOUT);

        ExecResult.Completed done = assertInstanceOf(ExecResult.Completed.class, result, result::toString);
        assertEquals(3, done.exitCode());
        assertEquals("out\n", done.stdout());
        assertEquals("err\n", done.stderr());
    }

    @Test
    void streamingExecHandsTheOutputToTheListenerAsItComes() {
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        OutputListener listener = new OutputListener() {
            @Override
            public void stdout(String chunk) {
                out.append(chunk);
            }

            @Override
            public void stderr(String chunk) {
                err.append(chunk);
            }
        };

        ExecResult result = shell.exec(Osgi.keyTarget(SSHD),
                "for i in 1 2 3; do echo line$i; sleep 0.1; done; echo grün >&2", TIMEOUT, listener);

        ExecResult.Completed done = assertInstanceOf(ExecResult.Completed.class, result, result::toString);
        assertEquals(0, done.exitCode());
        assertEquals("line1\nline2\nline3\n", out.toString());
        assertEquals("grün\n", err.toString());
        assertEquals("line1\nline2\nline3\n", done.stdout(), "the result keeps the tail");
    }

    @Test
    void binaryExecPassesEveryByteThroughStdinAndStdoutUnchanged() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(42).nextBytes(data);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        ExecResult result = shell.exec(Osgi.keyTarget(SSHD), "cat; echo done >&2", TIMEOUT,
                new java.io.ByteArrayInputStream(data), out);

        ExecResult.Completed done = assertInstanceOf(ExecResult.Completed.class, result, result::toString);
        assertEquals(0, done.exitCode());
        assertTrue(java.util.Arrays.equals(data, out.toByteArray()), "the bytes came back unchanged");
        assertEquals("", done.stdout());
        assertEquals("done\n", done.stderr());
    }

    @Test
    void hungCommandTimesOutAndTheCallReturns() {
        ExecResult result = shell.exec(Osgi.keyTarget(SSHD), "sleep 30", Duration.ofSeconds(1));

        ExecResult.Failed failed = assertInstanceOf(ExecResult.Failed.class, result, result::toString);
        assertEquals(SshFailure.Kind.TIMEOUT, failed.failure().kind());
    }

    @Test
    void wrongPasswordIsAuthFailedWithAClearReason() {
        SshTarget target = new SshTarget("127.0.0.1", SSHD.port(), SSHD.user(),
                new Credential.Password("not-the-password".toCharArray()));

        ExecResult result = shell.exec(target, "true", TIMEOUT);

        SshFailure failure = assertInstanceOf(ExecResult.Failed.class, result, result::toString).failure();
        assertEquals(SshFailure.Kind.AUTH_FAILED, failure.kind());
        assertEquals("authentication of " + SSHD.user() + "@127.0.0.1:" + SSHD.port() + " failed: password refused",
                failure.reason());
    }

    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int closed = SshdExtension.freePort();
        SshTarget target = new SshTarget("127.0.0.1", closed, SSHD.user(),
                new Credential.PrivateKey(SSHD.userKey(), null));

        ExecResult result = shell.exec(target, "true", TIMEOUT);

        SshFailure failure = assertInstanceOf(ExecResult.Failed.class, result, result::toString).failure();
        assertEquals(SshFailure.Kind.CONNECTION_REFUSED, failure.kind());
        assertEquals("connection refused by 127.0.0.1:" + closed, failure.reason());
        assertTrue(failure.offeredKey() == null && failure.knownKey() == null);
    }
}
