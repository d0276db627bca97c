package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;

/** The {@code incidents:*} commands in a real Gogo session after a real {@code opsbench:login}. */
class ConsoleTest {

    private static final class Console implements AutoCloseable {
        final CommandSession session;

        Console(String login) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session = Desk.service(CommandProcessor.class).createSession(new ByteArrayInputStream((Desk.PASSWORD
                    + "\n").getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true), new PrintStream(out, true));
            if (login != null) {
                String answer = run("opsbench:login " + login);
                assertTrue(answer.startsWith("logged in as " + login), answer);
            }
        }

        String run(String command) throws Exception {
            return String.valueOf(session.execute(command));
        }

        @Override
        public void close() {
            session.close();
        }
    }

    @Test
    void anOperatorCreatesListsShowsMovesAndAssignsAsThemselves() throws Exception {
        String op = Desk.user("operator").name();
        try (Console c = new Console(op)) {
            String created = c.run("incidents:create -c network 1 2 VPN down in " + Desk.RUN);
            Matcher m = Pattern.compile("^created (INC-\\d{6}) P2 NEW$").matcher(created);
            assertTrue(m.find(), created);
            String ref = m.group(1);
            String list = c.run("incidents:list -p P2 VPN down in " + Desk.RUN);
            assertTrue(list.startsWith("REFERENCE  PRI STATE"), list);
            assertTrue(Pattern.compile("^" + ref + "\\s+P2\\s+NEW\\s+-\\s+-\\s+\\S+", Pattern.MULTILINE).matcher(list)
                    .find(), list);
            assertTrue(list.endsWith("1 of 1 tickets"), list);
            assertEquals(ref + " assigned to - / " + op + " (ASSIGNED)", c.run("incidents:assign " + ref + " - "
                    + op));
            assertEquals(ref + " is IN_PROGRESS; next: PENDING, RESOLVED, CANCELLED",
                    c.run("incidents:transition " + ref + " in_progress"));
            String refused = c.run("incidents:transition " + ref + " closed");
            assertEquals("error: state: " + ref + " cannot go from IN_PROGRESS to CLOSED; allowed: CANCELLED, "
                    + "PENDING, RESOLVED", refused);
            assertEquals("error: reason: is required", c.run("incidents:transition " + ref + " pending"));
            c.run("incidents:transition " + ref + " resolved fixed replaced the router");
            String show = c.run("incidents:show " + ref);
            assertTrue(show.startsWith(ref + " INCIDENT Resolved: VPN down in " + Desk.RUN), show);
            assertTrue(show.contains("  resolved   fixed: replaced the router"), show);
            assertTrue(show.contains(op + ": IN_PROGRESS -> RESOLVED: fixed: replaced the router"), show);
            assertEquals("error: impact: a level number (1 = highest), was 'high'",
                    c.run("incidents:create high 1 x"));

            var actions = Desk.service(AuditTrail.class).search(Desk.OPS, new AuditQuery(null, null, op, "ticket",
                    ref, 0)).stream().map(AuditRecord::entry).map(e -> e.action()).sorted().toList();
            assertEquals(java.util.List.of("incidents.ticket.assign", "incidents.ticket.create",
                    "incidents.ticket.transition", "incidents.ticket.transition"), actions);
        }
    }

    @Test
    void aViewerIsRefusedAndWithoutLoginNothingRuns() throws Exception {
        try (Console c = new Console(Desk.user("viewer").name())) {
            assertEquals("error: not allowed: incidents:write", c.run("incidents:create 1 1 nope"));
            assertTrue(c.run("incidents:list").startsWith("REFERENCE"));
        }
        try (Console c = new Console(null)) {
            assertEquals("error: not logged in: use opsbench:login LOGIN", c.run("incidents:list"));
        }
    }
}
