package org.opsbench.ssh.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.ssh.Credential;
import org.opsbench.ssh.ExecResult;
import org.opsbench.ssh.SshFailure;
import org.opsbench.ssh.SshTarget;
import org.opsbench.ssh.internal.JschRemoteShell;
import org.opsbench.testing.SshdExtension;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/** No password or key reaches a log line, a result or a {@code toString()}, even at DEBUG. */
class SecretsTest {

    @RegisterExtension
    static final SshdExtension SSHD = new SshdExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String PASSWORD = "Zebra-Quartz-7731-opsbench";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final LogListener listener = entry -> logged.add(render(entry));
    private LogReaderService reader;
    private LoggerContext context;
    private Map<String, LogLevel> levels;
    private JschRemoteShell shell;

    @BeforeEach
    void logEverything(@TempDir Path workspace) throws Exception {
        Path knownHosts = workspace.resolve("known_hosts");
        Files.writeString(knownHosts, SSHD.knownHostsLine());
        shell = Osgi.shellUsing(knownHosts);
        context = Osgi.service(LoggerAdmin.class, null).getLoggerContext("org.opsbench.ssh");
        levels = context.getLogLevels();
        context.setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG));
        reader = Osgi.service(LogReaderService.class, null);
        reader.addLogListener(listener);
    }

    @AfterEach
    void restoreLogLevels() {
        reader.removeLogListener(listener);
        context.setLogLevels(levels);
    }

    @Test
    void noPasswordOrKeyReachesTheLogTheResultOrToString() throws Exception {
        SshTarget wrong = new SshTarget("127.0.0.1", SSHD.port(), SSHD.user(),
                new Credential.Password(PASSWORD.toCharArray()));
        SshTarget right = Osgi.keyTarget(SSHD);
        String keyLine = new String(SSHD.userKey(), StandardCharsets.US_ASCII).split("\n")[1];

        SshFailure failure = assertInstanceOf(ExecResult.Failed.class, shell.exec(wrong, "true", TIMEOUT))
                .failure();
        ExecResult ok = shell.exec(right, "echo fine", TIMEOUT);

        assertEquals(SshFailure.Kind.AUTH_FAILED, failure.kind());
        assertInstanceOf(ExecResult.Completed.class, ok, ok::toString);
        // log listeners are called asynchronously: wait for JSch's lines of the key login to arrive
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (logged.stream().noneMatch(l -> l.contains("Authentication succeeded"))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(logged.stream().anyMatch(l -> l.contains("jsch: ")), "JSch's DEBUG lines reach the OSGi log");
        for (String text : List.of(String.join("\n", logged), failure.reason(), failure.toString(),
                wrong.toString(), wrong.credential().toString(), right.toString())) {
            assertFalse(text.contains(PASSWORD), "password in: " + text);
            assertFalse(text.contains(keyLine), "private key in: " + text);
        }
        assertEquals("Password[****]", wrong.credential().toString());
    }

    private static String render(LogEntry entry) {
        Throwable e = entry.getException();
        return entry.getLoggerName() + " " + entry.getMessage() + (e == null ? "" : " " + e);
    }
}
