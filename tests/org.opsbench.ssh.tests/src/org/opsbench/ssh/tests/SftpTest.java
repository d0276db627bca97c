package org.opsbench.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.TransferResult;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.testing.SshdExtension;

/** SFTP transfers against a real sshd (internal-sftp). */
class SftpTest {

    @RegisterExtension
    static final SshdExtension SSHD = new SshdExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private JschRemoteShell shell;

    @BeforeEach
    void trustTheHost(@TempDir Path workspace) throws Exception {
        shell = Osgi.shellTrusting(SSHD, workspace);
    }

    @Test
    void putThenGetRoundTripsTheBytes() {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        String remote = SSHD.filesDir().resolve("blob.bin").toString();

        TransferResult put = shell.put(Osgi.keyTarget(SSHD), new ByteArrayInputStream(data), remote, TIMEOUT);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        TransferResult get = shell.get(Osgi.keyTarget(SSHD), remote, back, TIMEOUT);

        assertEquals(data.length, assertInstanceOf(TransferResult.Transferred.class, put, put::toString).bytes());
        assertEquals(data.length, assertInstanceOf(TransferResult.Transferred.class, get, get::toString).bytes());
        assertArrayEquals(data, back.toByteArray());
    }

    @Test
    void putIntoAMissingFolderFailsAndLeavesNoFile() throws IOException {
        Path remote = SSHD.filesDir().resolve("no-such-folder").resolve("x.bin");

        TransferResult put = shell.put(Osgi.keyTarget(SSHD), new ByteArrayInputStream(new byte[]{1, 2, 3}),
                remote.toString(), TIMEOUT);

        SshFailure failure = assertInstanceOf(TransferResult.Failed.class, put, put::toString).failure();
        assertEquals(SshFailure.Kind.TRANSFER_FAILED, failure.kind());
        assertFalse(Files.exists(remote));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void putThatBreaksMidwayKeepsTheOldFileAndLeavesNoPartialFile() throws IOException {
        Path remote = SSHD.filesDir().resolve("config.txt");
        shell.put(Osgi.keyTarget(SSHD), new ByteArrayInputStream("old\n".getBytes()), remote.toString(), TIMEOUT);
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100_000) {
                    throw new IOException("source broke");
                }
                return 'x';
            }
        };

        TransferResult put = shell.put(Osgi.keyTarget(SSHD), breaking, remote.toString(), TIMEOUT);

        assertEquals(SshFailure.Kind.TRANSFER_FAILED,
                assertInstanceOf(TransferResult.Failed.class, put, put::toString).failure().kind());
        assertEquals("old\n", Files.readString(remote));
        assertEquals(List.of(), leftovers());
    }

    private static List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(SSHD.filesDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
