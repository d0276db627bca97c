package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.HostDefinition;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.IdentityAdmin;

/**
 * The {@code monitoring:*} commands in a real Gogo session against the real services on Derby, after a real
 * {@code opsbench:login}: tables, one-line errors, permissions, and the audit trail naming the logged-in user.
 */
class MonitoringConsoleTest {

    private static final Principal OPS = Principal.system("monitoring-tests");
    // a workspace database outlives a build without 'clean': names of this run are its own
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String HOST = "con-" + RUN;
    private static final String OPERATOR = "mon-op-" + RUN;
    private static final String VIEWER = "mon-view-" + RUN;
    private static final String PASSWORD = "Console-Pass-4711";

    private static ServerSocket open;

    @BeforeAll
    static void define() throws Exception {
        open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        IdentityAdmin identities = Osgi.service(IdentityAdmin.class, null);
        identities.createUser(OPS, OPERATOR, "Olga Operator", "", PASSWORD.toCharArray(), Set.of("operator"));
        identities.createUser(OPS, VIEWER, "Vic Viewer", "", PASSWORD.toCharArray(), Set.of("viewer"));
        MonitoringAdmin admin = Osgi.service(MonitoringAdmin.class, null);
        // long intervals: the commands run the checks
        admin.saveHost(OPS, HostDefinition.of(HOST, "127.0.0.1").withHostCheck("tcp",
                Map.of("port", Integer.toString(open.getLocalPort())), Duration.ofHours(1), 1));
        for (String[] c : List.of(new String[]{"open", Integer.toString(open.getLocalPort())},
                new String[]{"closed", Integer.toString(closed)})) {
            admin.saveCheck(OPS, CheckDefinition.of(HOST, c[0], "tcp", Map.of("port", c[1]))
                    .withTiming(Duration.ofHours(1), Duration.ofHours(1), 2, Duration.ofSeconds(5)));
        }
    }

    @AfterAll
    static void close() throws Exception {
        open.close();
    }

    /** A console session, logged in as {@code user} when it is not {@code null}. */
    private static final class Console implements AutoCloseable {

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CommandSession session;

        Console(String user) throws Exception {
            CommandProcessor processor = Osgi.service(CommandProcessor.class, null);
            session = processor.createSession(new ByteArrayInputStream((PASSWORD + "\n").getBytes(
                    StandardCharsets.UTF_8)), new PrintStream(out, true), new PrintStream(out, true));
            if (user != null) {
                String answer = run("opsbench:login " + user);
                assertTrue(answer.startsWith("logged in as " + user), answer);
            }
        }

        String run(String command) throws Exception {
            return String.valueOf(session.execute(command));
        }

        String printed() {
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            session.close();
        }
    }

    private static void matches(String regex, String text) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find(), regex + " in:\n" + text);
    }

    @Test
    void operatorRunsAcknowledgesAndSchedulesAsThemselves() throws Exception {
        try (Console c = new Console(OPERATOR)) {
            String hosts = c.run("monitoring:hosts");
            matches("^HOST\\s+ADDRESS\\s+STATE\\s+HARD/SOFT\\s+SINCE\\s+LAST CHECK\\s+FLAGS\\s+OUTPUT$", hosts);
            matches("^" + HOST + "\\s+127\\.0\\.0\\.1\\s+PENDING\\s+-\\s+", hosts);
            String checks = c.run("monitoring:checks " + HOST);
            matches("^" + HOST + "/closed\\s+tcp\\s+PENDING\\s+-\\s+1/2\\s+", checks);
            matches("^" + HOST + "/open\\s+tcp\\s+PENDING\\s+", checks);
            assertEquals(3, checks.lines().count(), checks);

            String soft = c.run("monitoring:run " + HOST + "/closed");
            assertTrue(
                    soft.startsWith(
                            HOST + "/closed: CRITICAL (SOFT 1/2)\n  output   TCP CRITICAL - connection refused"),
                    soft);
            assertTrue(c.run("monitoring:run " + HOST + "/closed").startsWith(HOST + "/closed: CRITICAL (HARD)"));
            String ok = c.run("monitoring:run " + HOST + "/open");
            assertTrue(ok.startsWith(HOST + "/open: OK (HARD)\n  output   TCP OK"), ok);
            matches("^  metrics  time=\\S+", ok);
            assertTrue(c.run("monitoring:run " + HOST).startsWith(HOST + ": UP (HARD)\n  output   TCP OK"));

            String problems = c.run("monitoring:problems");
            matches("^STATE\\s+HARD/SOFT\\s+HOST/CHECK\\s+FOR\\s+FLAGS\\s+OUTPUT$", problems);
            matches("^CRITICAL\\s+HARD\\s+" + HOST + "/closed\\s+\\d+s\\s+-\\s+TCP CRITICAL", problems);
            matches("^\\d+ problems?, \\d+ unhandled$", problems);

            assertEquals("acknowledged " + HOST + "/closed: relay replaced tonight",
                    c.run("monitoring:ack " + HOST + "/closed relay replaced tonight"));
            matches("^CRITICAL\\s+HARD\\s+" + HOST + "/closed\\s+\\S+\\s+ack:" + OPERATOR + "\\s+TCP CRITICAL",
                    c.run("monitoring:problems"));
            assertEquals("removed the acknowledgement of " + HOST + "/closed",
                    c.run("monitoring:unack " + HOST + "/closed"));
            assertEquals(HOST + "/closed has no acknowledgement", c.run("monitoring:unack " + HOST + "/closed"));

            String scheduled = c.run("monitoring:downtime add " + HOST + " now 2h kernel update");
            Matcher id = Pattern.compile("^scheduled downtime (\\d+) of " + HOST + " from \\S+Z to \\S+Z \\(2h\\)$")
                    .matcher(scheduled);
            assertTrue(id.matches(), scheduled);
            matches("^" + id.group(1) + "\\s+" + HOST + "\\s+\\S+Z\\s+\\S+Z\\s+active\\s+" + OPERATOR
                    + "\\s+kernel update$", c.run("monitoring:downtime list"));
            matches("^" + HOST + "/closed\\s+tcp\\s+CRITICAL\\s+HARD\\s+2/2\\s+.*\\sdowntime\\s",
                    c.run("monitoring:checks " + HOST));
            assertEquals("cancelled downtime " + id.group(1), c.run("monitoring:downtime cancel " + id.group(1)));
            assertEquals("no downtime " + id.group(1), c.run("monitoring:downtime cancel " + id.group(1)));

            String history = c.run("monitoring:history " + HOST + "/closed");
            List<String> rows = history.lines().toList();
            matches("^TIME\\s+FROM\\s+TO\\s+HARD/SOFT\\s+OUTPUT$", rows.get(0));
            matches("^\\S+Z\\s+CRITICAL\\s+CRITICAL\\s+HARD\\s+TCP CRITICAL", rows.get(1));
            matches("^\\S+Z\\s+-\\s+CRITICAL\\s+SOFT\\s+TCP CRITICAL", rows.get(2));
            assertEquals(3, rows.size(), history);
            assertEquals(2, c.run("monitoring:history -n 1 " + HOST + "/closed").lines().count());
            matches("^\\S+Z\\s+PROBLEM\\s+" + HOST + "/closed\\s+CRITICAL\\s+NO_RULE\\s+-\\s+-\\s+TCP CRITICAL",
                    c.run("monitoring:alerts -n 500"));
            String availability = c.run("monitoring:availability " + HOST + "/closed 1h");
            matches("^HOST/CHECK\\s+FROM\\s+TO\\s+AVAILABLE\\s+OK\\s+PROBLEM\\s+NO DATA$", availability);
            // HARD states count: the SOFT attempt before the problem was confirmed was still OK
            matches("^" + HOST + "/closed\\s+\\S+Z\\s+\\S+Z\\s+\\d+\\.\\d{3}%\\s+\\S+\\s+\\S+\\s+59m\\S*$",
                    availability);
        }
        List<String> actions = Osgi.service(AuditTrail.class, null)
                .search(OPS, new AuditQuery(null, null, OPERATOR, null, null, 0)).stream()
                .map(AuditRecord::entry).map(e -> e.action()).toList();
        for (String action : List.of("monitoring.check.run", "monitoring.acknowledge", "monitoring.acknowledge.remove",
                "monitoring.downtime.schedule", "monitoring.downtime.cancel")) {
            assertTrue(actions.contains(action), action + " by " + OPERATOR + " in " + actions);
        }
    }

    @Test
    void operatorDefinesHostsChecksAndRulesAndShowRecreatesThem() throws Exception {
        String host = "def-" + RUN;
        int port = open.getLocalPort();
        try (Console c = new Console(OPERATOR)) {
            assertEquals("created host set " + host + " address=127.0.0.1 check=tcp check.port=" + port
                    + " interval=1h attempts=2 enabled=true",
                    c.run("monitoring:host set " + host + " address=127.0.0.1 check=tcp check.port=" + port
                            + " interval=1h attempts=2"));
            assertEquals("created check set " + host + "/web type=tcp port=" + port
                    + " interval=1h retry=30s attempts=3 timeout=5s enabled=true",
                    c.run("monitoring:check set " + host + "/web type=tcp port=" + port + " interval=1h timeout=5s"));
            // a change names only what changes; the rest stays
            String changed = c.run("monitoring:check set " + host + "/web attempts=1 metric=time warning=0.5"
                    + " critical=2");
            assertEquals("changed check set " + host + "/web type=tcp port=" + port
                    + " interval=1h retry=30s attempts=1 timeout=5s metric=time warning=0.5 critical=2 enabled=true",
                    changed);
            assertEquals(changed.substring("changed ".length()), c.run("monitoring:check show " + host + "/web"));
            assertEquals("changed host set " + host + " address=localhost check=tcp check.port=" + port
                    + " interval=1h attempts=2 enabled=false",
                    c.run("monitoring:host set " + host + " address=localhost enabled=false"));
            matches("^" + host + "\\s+localhost\\s+-\\s+tcp\\s+1h\\s+-\\s+false$", c.run("monitoring:host list"));

            String rule = "def-rule-" + RUN;
            assertEquals("created rule set " + rule + " notifier=log states=CRITICAL,DOWN hosts=" + host
                    + " checks=* repeat=4h enabled=true",
                    c.run("monitoring:rule set " + rule + " notifier=log states=CRITICAL,DOWN hosts=" + host
                            + " repeat=4h"));
            matches("^" + rule + "\\s+log\\s+CRITICAL,DOWN\\s+" + host + "\\s+\\*\\s+4h\\s+-\\s+true$",
                    c.run("monitoring:rule list"));

            assertEquals("deleted rule " + rule, c.run("monitoring:rule delete " + rule));
            assertEquals("deleted check " + host + "/web", c.run("monitoring:check delete " + host + "/web"));
            assertEquals("no check " + host + "/web", c.run("monitoring:check delete " + host + "/web"));
            assertEquals("deleted host " + host + " with its checks", c.run("monitoring:host delete " + host));
            assertEquals("error: no such host: " + host, c.run("monitoring:host show " + host));
        }
        List<String> actions = Osgi.service(AuditTrail.class, null)
                .search(OPS, new AuditQuery(null, null, OPERATOR, null, null, 0)).stream()
                .map(AuditRecord::entry).map(e -> e.action()).toList();
        for (String action : List.of("monitoring.host.create", "monitoring.host.update", "monitoring.check.create",
                "monitoring.check.update", "monitoring.rule.create", "monitoring.rule.delete",
                "monitoring.check.delete", "monitoring.host.delete")) {
            assertTrue(actions.contains(action), action + " by " + OPERATOR + " in " + actions);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            host set def-x-@R                          | address: required for a new host
            host set def-x-@R address=h interval=soon  | interval: not a duration: 'soon' (like 30s, 5m, 1h30m)
            host set def-x-@R address=h ssh.port=0     | ssh.port: a number from 1 to 65535, was '0'
            host set def-x-@R address=h address=g      | address: given twice
            host set def-x-@R address=h colour=red     | unknown setting 'colour'; usage: host list
            host set def-x-@R address                  | not KEY=VALUE: 'address'; usage: host list
            host frobnicate                            | unknown 'frobnicate'; usage: host list
            check set @H/new-@R                        | type: required for a new check (installed:
            check set @H/open port=99999               | parameters.port:
            check set @H/open enabled=maybe            | enabled: true or false, was 'maybe'
            check set @H                               | not HOST/CHECK: '@H'
            check show @H/nope                         | no such check: @H/nope
            rule set def-r-@R                          | notifier: required for a new rule (installed:
            rule show def-r-@R                         | no such rule: def-r-@R
            """)
    void badDefinitionsGetOneErrorLineNamingTheSetting(String command, String message) throws Exception {
        try (Console c = new Console(OPERATOR)) {
            String answer = c.run("monitoring:" + command.replace("@H", HOST).replace("@R", RUN));
            assertTrue(answer.startsWith("error: " + message.replace("@H", HOST).replace("@R", RUN)),
                    command + " -> " + answer);
            assertFalse(answer.contains("\n"), answer);
        }
        assertTrue(Osgi.service(MonitoringAdmin.class, null).host(OPS, "def-x-" + RUN).isEmpty(),
                "nothing was saved");
    }

    @Test
    void withoutLoginEveryCommandIsRefused() throws Exception {
        try (Console c = new Console(null)) {
            for (String command : List.of("hosts", "checks", "problems", "run " + HOST, "ack " + HOST + "/closed x",
                    "unack " + HOST + "/closed", "downtime list", "history " + HOST, "alerts",
                    "availability " + HOST, "test-rules any.rules", "host list", "check show " + HOST + "/open",
                    "rule list")) {
                assertEquals("error: not logged in: use opsbench:login LOGIN", c.run("monitoring:" + command),
                        command);
            }
        }
    }

    @Test
    void viewerReadsButCannotRunAcknowledgeOrScheduleDowntime() throws Exception {
        try (Console c = new Console(VIEWER)) {
            matches("^" + HOST + "\\s", c.run("monitoring:hosts"));
            assertEquals("error: not allowed: monitoring:write", c.run("monitoring:run " + HOST + "/open"));
            assertEquals("error: not allowed: monitoring:acknowledge",
                    c.run("monitoring:ack " + HOST + "/closed looked at it"));
            assertEquals("error: not allowed: monitoring:acknowledge",
                    c.run("monitoring:downtime add " + HOST + " now 1h maintenance"));
            matches("^check set " + HOST + "/open type=tcp ", c.run("monitoring:check show " + HOST + "/open"));
            assertEquals("error: not allowed: monitoring:write",
                    c.run("monitoring:check set " + HOST + "/open attempts=5"));
            assertEquals("error: not allowed: monitoring:write", c.run("monitoring:host delete " + HOST));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            hosts extra                        | unexpected 'extra'; usage: hosts
            checks nope-@H                   | no such host: nope-@H
            run                                | usage: run [-w WAIT] HOST[/CHECK]
            run @H/nope                      | no such check: @H/nope
            run -w soon @H/open              | -w: not a duration: 'soon'
            ack @H/open                      | comment: say why: a comment is required
            ack @H/open all is fine          | @H/open has no problem to acknowledge (state
            downtime                           | usage: downtime add HOST[/CHECK] START END COMMENT...
            downtime frobnicate                | unknown 'frobnicate'; usage: downtime add
            downtime add @H tomorrow 2h x    | START: not a time: 'tomorrow' (use now, now+2h
            downtime add @H now 0s x         | END: must be longer than 0, was '0s'
            downtime add @H now 2h           | comment: say why: a comment is required
            downtime add nope-@H now 2h x    | target: no such host: nope-@H
            downtime cancel abc                | ID: not a downtime id: 'abc'
            history -n 0 @H                  | -n: a number from 1 to 10000, was '0'
            history                            | usage: history [-n N] HOST[/CHECK]
            availability @H 2x               | PERIOD: not a duration: '2x'
            availability @H/nope             | no such check: @H/nope
            availability @H now 2026-01-01T00:00:00Z | TO: must be after FROM
            test-rules                         | usage: test-rules FILE...
            """)
    void badArgumentsGetOneErrorLineNamingThem(String command, String message) throws Exception {
        try (Console c = new Console(OPERATOR)) {
            String answer = c.run("monitoring:" + command.replace("@H", HOST));
            assertTrue(answer.startsWith("error: " + message.replace("@H", HOST)), command + " -> " + answer);
            assertFalse(answer.contains("\n"), answer);
        }
    }

    @Test
    void testRulesRunsFilesAndFailsWhenATestFails(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.rules"), RuleTestsTest.examples().get("soft-to-hard.rules"));
        Files.writeString(dir.resolve("wrong.rules"), """
                host h
                check h/c max-attempts=1
                rule r states=CRITICAL notifier=log
                test "wrong"
                input h/c OK CRITICAL
                eval 1m
                  alert PROBLEM h/c WARNING rule=r
                """);
        try (Console c = new Console(VIEWER)) {
            c.session.currentDir(dir);
            String good = c.run("monitoring:test-rules good.rules");
            assertTrue(good.startsWith("good.rules\n  PASS   a problem becomes HARD"), good);
            assertTrue(good.endsWith("\n3 passed, 0 failed"), good);
            // a failing run fails the command: || runs its right side, && does not
            assertEquals(VIEWER + " (Vic Viewer)",
                    c.run("monitoring:test-rules good.rules wrong.rules || opsbench:whoami"));
            String printed = c.printed();
            assertTrue(printed.contains("""
                    wrong.rules
                      FAIL   wrong (line 4)
                        eval 1m (line 6): alerts differ
                            - alert PROBLEM h/c WARNING SENT rule=r                 line 7, not raised
                            + alert PROBLEM h/c CRITICAL SENT rule=r notifier=log   at 1m, not expected
                    3 passed, 1 failed"""), printed);
            assertEquals("null", c.run("monitoring:test-rules wrong.rules && opsbench:whoami"));
            assertTrue(c.run("monitoring:test-rules good.rules && opsbench:whoami").startsWith(VIEWER));
            c.run("monitoring:test-rules " + dir.resolve("missing.rules") + " || opsbench:whoami");
            assertTrue(c.printed().contains("  ERROR  no such file: " + dir.resolve("missing.rules")), c.printed());
        }
    }
}
