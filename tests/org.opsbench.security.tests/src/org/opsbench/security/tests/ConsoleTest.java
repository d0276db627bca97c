package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.Principal;
import org.opsbench.core.security.SessionKeys;

/** The Gogo commands in a real session: login from the keyboard, users, audit, vault; no secret printed. */
class ConsoleTest {

    @RegisterExtension
    static final SecurityRuntime RUNTIME = new SecurityRuntime();

    private static final String SECRET = "Console-Secret-Value-8812";

    @Test
    void aLoggedInAdministratorManagesUsersAndAliasesWithoutSeeingSecrets() throws Exception {
        String admin = Files.readString(RUNTIME.securityFolder().resolve("initial-admin-password"));
        String keyboard = admin + "\n" + "Bobs-Password-1\n" + SECRET + "\n" + admin + "\nChanged-Admin-Pw-1\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandProcessor processor = RUNTIME.anyService(CommandProcessor.class);
        try (CommandSession session = processor.createSession(
                new ByteArrayInputStream(keyboard.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(out, true))) {
            check(session, "opsbench:user list", t -> t.startsWith("error: not logged in"));
            assertEquals("logged in as admin (Administrator)", text(session.execute("opsbench:login admin")));
            assertEquals("admin", ((Principal) session.get(SessionKeys.PRINCIPAL)).name());
            check(session, "opsbench:user add bob operator Bob Builder", t -> t.startsWith("created bob"));
            check(session, "opsbench:user list", t -> t.contains("bob"));
            assertEquals("stored api/bob", text(session.execute("opsbench:vault put api/bob token")));
            String list = text(session.execute("opsbench:vault list"));
            assertTrue(list.contains("api/bob"), list);
            check(session, "opsbench:audit -n 50", t -> t.contains("security.vault.store"));
            check(session, "opsbench:audit-verify", t -> t.startsWith("audit chain intact"));
            check(session, "opsbench:role permissions", t -> t.contains("ssh:hostkeys:write"));
            // another area's console command acts as the logged-in user too
            check(session, "opsbench:host-remove 127.0.0.1 2222", t -> t.startsWith("no known key for 127.0.0.1:2222"));
            assertEquals("password changed", text(session.execute("opsbench:passwd")));
            assertFalse(Files.exists(RUNTIME.securityFolder().resolve("initial-admin-password")));
            assertEquals("logged out admin", text(session.execute("opsbench:logout")));
            check(session, "opsbench:host-remove 127.0.0.1 2222",
                    t -> t.equals("error: not allowed: ssh:hostkeys:write"));
            check(session, "opsbench:vault list", t -> t.startsWith("error: not logged in"));
        }
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(SECRET));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(admin));
    }

    private static void check(CommandSession session, String command, java.util.function.Predicate<String> ok)
            throws Exception {
        String t = text(session.execute(command));
        assertTrue(ok.test(t), command + " -> " + t);
    }

    private static String text(Object result) {
        return String.valueOf(result);
    }
}
