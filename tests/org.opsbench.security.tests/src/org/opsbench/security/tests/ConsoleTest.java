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
        String keyboard = admin + "\n" + "Bobs-Password-1\n" + SECRET + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandProcessor processor = RUNTIME.service(CommandProcessor.class);
        try (CommandSession session = processor.createSession(
                new ByteArrayInputStream(keyboard.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(out, true))) {
            assertTrue(text(session.execute("opsbench:user list")).startsWith("error: not logged in"));
            assertEquals("logged in as admin (Administrator)", text(session.execute("opsbench:login admin")));
            assertEquals("admin", ((Principal) session.get(SessionKeys.PRINCIPAL)).name());
            assertTrue(text(session.execute("opsbench:user add bob operator Bob Builder")).startsWith("created bob"));
            assertTrue(text(session.execute("opsbench:user list")).contains("bob"));
            assertEquals("stored api/bob", text(session.execute("opsbench:vault put api/bob token")));
            String list = text(session.execute("opsbench:vault list"));
            assertTrue(list.contains("api/bob"), list);
            assertTrue(text(session.execute("opsbench:audit -n 50")).contains("security.vault.store"));
            assertTrue(text(session.execute("opsbench:audit-verify")).startsWith("audit chain intact"));
            assertTrue(text(session.execute("opsbench:role permissions")).contains("ssh:hostkeys:write"));
            assertEquals("logged out admin", text(session.execute("opsbench:logout")));
            assertTrue(text(session.execute("opsbench:vault list")).startsWith("error: not logged in"));
        }
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(SECRET));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(admin));
    }

    private static String text(Object result) {
        return String.valueOf(result);
    }
}
