package org.opsbench.server.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built headless product, driven as an administrator drives it: {@code bin/opsbench-server}, its console, its
 * workspace files and SIGTERM. Each test has a fresh workspace. No timing is asserted: waits are only bounded.
 */
class ServerProductTest {

    @RegisterExtension
    final ServerProduct product = new ServerProduct();

    @TempDir
    Path dir;

    @Test
    void serverStartsAndItsConsoleAnswersStatus() throws Exception {
        RunningServer server = product.start(dir, "--console");
        Properties report = server.awaitReport();
        assertEquals("true", report.getProperty("ready"), "start-up report " + report + server.output());

        String status = server.command("opsbench:status", line -> line.contains("Status:"));
        assertAll(() -> assertTrue(status.contains("Status: READY"), status),
                () -> assertTrue(available("database", status), status),
                () -> assertTrue(available("SSH remote shell", status), status),
                () -> assertTrue(status.contains("workspace " + server.workspace()), status));

        // every Opsbench bundle resolved, and the ones with components started (two lines: Gogo prints only the
        // result of the last command of a line)
        String bundles = server.command("lb -s org.opsbench\necho END-OF-LIST", line -> line.contains("END-OF-LIST"));
        assertAll(() -> assertTrue(bundles.matches("(?s).*\\|Active\\s*\\|.*\\|org\\.opsbench\\.server .*"), bundles),
                () -> assertTrue(bundles.matches("(?s).*\\|Active\\s*\\|.*\\|org\\.opsbench\\.persistence .*"),
                        bundles),
                () -> assertTrue(bundles.matches("(?s).*\\|Active\\s*\\|.*\\|org\\.opsbench\\.ssh .*"), bundles),
                () -> assertTrue(bundles.matches("(?s).*\\|Active\\s*\\|.*\\|org\\.opsbench\\.monitoring .*"),
                        bundles),
                () -> assertTrue(bundles.matches("(?s).*\\|Active\\s*\\|.*\\|org\\.opsbench\\.assets .*"), bundles),
                () -> assertTrue(!bundles.contains("|Installed"), bundles));
    }

    @Test
    void monitoringCommandsAnswerOnTheConsoleAfterLogin() throws Exception {
        RunningServer server = product.start(dir, "--console");
        assertEquals("true", server.awaitReport().getProperty("ready"), server.output());
        Path rules = dir.resolve("one.rules");
        Files.writeString(rules, """
                host web-1
                check web-1/http max-attempts=2
                rule pager states=CRITICAL notifier=log
                test "confirmed after two results"
                input web-1/http CRITICAL x2
                eval 30s
                  alert PROBLEM web-1/http CRITICAL rule=pager notifier=log
                """);

        String refused = server.command("monitoring:hosts", line -> line.contains("error:"));
        assertTrue(refused.contains("error: not logged in: use opsbench:login LOGIN"), refused);
        // the first start writes the initial admin password, before anyone asked to log in
        Path initial = server.workspace().resolve("security/initial-admin-password");
        long deadline = System.nanoTime() + RunningServer.LIMIT.toNanos();
        while (!Files.exists(initial) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String password = Files.readString(initial).strip();
        // the login reads the password from the console's keyboard, the line after the command
        String login = server.command("opsbench:login admin\n" + password, line -> line.contains("logged in as")
                || line.contains("error:"));
        assertTrue(login.contains("logged in as admin"), login);
        assertFalse(server.output().contains(password), "the typed password is not echoed");
        String hosts = server.command("monitoring:hosts", line -> line.contains("no hosts") || line.contains("HOST"));
        assertTrue(hosts.contains("no hosts"), hosts);
        String report = server.command("monitoring:test-rules " + rules, line -> line.contains(" passed, "));
        assertTrue(report.contains("PASS   confirmed after two results (line 4)"), report);
        assertTrue(report.contains("1 passed, 0 failed"), report);
    }

    @Test
    void serverStopsCleanlyOnSigterm() throws Exception {
        RunningServer server = product.start(dir);
        server.awaitReport();

        int exit = server.terminate();

        // the JVM reports death by SIGTERM as 128 + 15, even after its shutdown hooks ran to the end
        assertEquals(143, exit, server.output());
        String log = Files.readString(server.log());
        assertTrue(log.contains("SIGTERM received"), log);
        assertTrue(log.contains("stopped cleanly"), log);
        Path db = server.workspace().resolve("db");
        assertTrue(Files.isDirectory(db), "no database folder " + db);
        // Derby writes this line only when the database is shut down, not when the process simply dies
        String derby = Files.readString(server.workspace().resolve("logs/derby.log"));
        assertTrue(Pattern.compile("Shutting down instance \\S+ on database directory " + Pattern.quote(db.toString()))
                .matcher(derby).find(), derby);
    }

    @Test
    void serverWritesItsLogInTheWorkspace() throws Exception {
        RunningServer server = product.start(dir);
        Properties report = server.awaitReport();

        String log = server.awaitLog("Opsbench server ready");

        assertTrue(Files.isRegularFile(server.workspace().resolve("logs/opsbench-server.log")));
        assertTrue(log.contains("Opsbench server ready " + report.getProperty("ready_ms") + " ms after JVM start"),
                log);
        assertTrue(log.contains("workspace " + server.workspace()), log);
    }

    private static boolean available(String service, String status) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(service) + "\\s+available\\s*$").matcher(status).find();
    }
}
