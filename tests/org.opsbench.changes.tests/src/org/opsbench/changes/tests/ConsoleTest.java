package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;

/**
 * The {@code changes:*} commands in a real Gogo session after a real {@code opsbench:login}: create, submit, approve,
 * schedule, execute over SSH, baseline capture and compare, with one-line errors and the audit trail naming the
 * logged-in users.
 */
class ConsoleTest {

    @RegisterExtension
    static final TestHost HOST = new TestHost();

    /** A console session logged in as {@code user}. */
    private static final class Console implements AutoCloseable {

        final CommandSession session;

        Console(String user) throws Exception {
            CommandProcessor processor = Osgi.service(CommandProcessor.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session = processor.createSession(
                    new ByteArrayInputStream((People.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true), new PrintStream(out, true));
            String answer = run("opsbench:login " + user);
            assertTrue(answer.startsWith("logged in as " + user), answer);
        }

        String run(String command) throws Exception {
            return String.valueOf(session.execute(command));
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
    void aChangeGoesFromRequestToImplementationOnTheConsole() throws Exception {
        String ci = HOST.item("con-web-" + People.RUN).id();
        Path marker = HOST.files().resolve("console-" + People.RUN);
        String ref;
        try (Console op = new Console(People.OPERATOR.name())) {
            String created = op.run("changes:create normal 'Rotate logs' items=" + ci + " 'step=touch " + marker
                    + "' 'rollback=rm -f " + marker + "' reason=disk");
            Matcher m = Pattern.compile("^created (CHG-\\d{6}) \\(NORMAL, DRAFT\\): Rotate logs$").matcher(created);
            assertTrue(m.matches(), created);
            ref = m.group(1);
            assertEquals(ref + " is SUBMITTED (0 approvals)", op.run("changes:submit " + ref));
            assertTrue(op.run("changes:approve " + ref + " ok").startsWith("error: not allowed: changes:approve"));
            assertEquals("error: usage: schedule REF START END", op.run("changes:schedule " + ref));
            assertTrue(op.run("changes:create sideways x").startsWith("error: TYPE: standard, normal or emergency"));
        }
        try (Console cab = new Console(People.CAB_1.name())) {
            assertEquals(ref + " is ASSESSED (0 approvals)", cab.run("changes:move " + ref + " assessed"));
            assertEquals(ref + " is ASSESSED (1 approval)", cab.run("changes:approve " + ref + " looks fine"));
        }
        try (Console cab = new Console(People.CAB_2.name())) {
            assertEquals(ref + " is APPROVED (2 approvals)", cab.run("changes:approve " + ref));
        }
        try (Console op = new Console(People.OPERATOR.name())) {
            matches("^scheduled " + ref + " from \\S+Z to \\S+Z$",
                    op.run("changes:schedule " + ref + " now+1m now+1h"));
            matches("^" + ref + "\\s+NORMAL\\s+SCHEDULED\\s+\\d+ (LOW|MEDIUM|HIGH)\\s+",
                    op.run("changes:list scheduled"));
            String executed = op.run("changes:execute " + ref);
            assertTrue(executed.startsWith(ref + " implement: IMPLEMENTED\n  1 " + ci + " SUCCEEDED (exit 0)"),
                    executed);
            assertTrue(Files.exists(marker));
            String shown = op.run("changes:show " + ref);
            matches("^  approvals    2 of 2$", shown);
            matches("approved by " + People.CAB_1.name() + ": looks fine", shown);
            matches("SCHEDULED -> IMPLEMENTING  " + People.OPERATOR.name(), shown);
            matches("^IMPLEMENT\\s+1\\s+" + ci + "\\s+SUCCEEDED\\s+0\\s+", op.run("changes:runs " + ref));
        }
        List<AuditRecord> trail = Osgi.service(AuditTrail.class).search(People.SETUP,
                new AuditQuery(null, null, null, "change", ref, 0));
        assertTrue(trail.stream().anyMatch(r -> r.entry().action().equals("changes.change.approve")
                && r.entry().principal().name().equals(People.CAB_2.name())));
        assertTrue(trail.stream().anyMatch(r -> r.entry().action().equals("changes.change.execute")
                && r.entry().principal().name().equals(People.OPERATOR.name())));
    }

    @Test
    void baselinesAreCapturedAndComparedOnTheConsole() throws Exception {
        String ci = HOST.item("con-base-" + People.RUN).id();
        Path file = HOST.files().resolve("console-hosts-" + People.RUN);
        Files.writeString(file, "10.0.0.1 db\n");
        String name = "con-" + People.RUN;
        try (Console op = new Console(People.OPERATOR.name())) {
            assertEquals("defined baseline " + name + " of " + ci,
                    op.run("changes:baseline define " + name + " ci=" + ci + " file=" + file));
            matches("^captured " + name + " version 1 \\(approved\\)\n  [0-9a-f]{16}  file:" + file,
                    op.run("changes:baseline capture " + name));
            assertEquals(name + " matches version 1", op.run("changes:baseline compare " + name));
            Files.writeString(file, "10.0.0.2 db\n");
            String drift = op.run("changes:baseline compare " + name);
            assertTrue(drift.startsWith(name + " drifted from version 1 (captured as version 2): file:" + file),
                    drift);
            assertTrue(drift.contains("\n-10.0.0.1 db\n+10.0.0.2 db"), drift);
            assertTrue(op.run("changes:baseline approve " + name + " 2 CHG-999999")
                    .startsWith("error: not allowed: changes:approve"));
            assertEquals("error: usage: baseline define NAME ci=ID [file=PATH]... [command=CMD]... | list | capture"
                    + " NAME | compare NAME | versions NAME | approve NAME VERSION CHANGE", op.run("changes:baseline"));
        }
    }
}
