package org.opsbench.assets.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.core.Principal;

/** The {@code assets:*} commands in a real Gogo session after a real {@code opsbench:login}. */
class ConsoleTest {

    @TempDir
    Path dir;

    private static CommandSession session(Principal user) throws Exception {
        CommandProcessor processor = Osgi.service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandSession s = processor.createSession(new ByteArrayInputStream((Osgi.PASSWORD + "\n").getBytes(
                StandardCharsets.UTF_8)), new PrintStream(out, true), new PrintStream(out, true));
        if (user != null) {
            String answer = String.valueOf(s.execute("opsbench:login " + user.name()));
            assertTrue(answer.startsWith("logged in as " + user.name()), answer);
        }
        return s;
    }

    @Test
    void importFindRelateShowImpactAndExportAsTheLoggedInUser() throws Exception {
        Principal operator = Osgi.user("operator");
        CommandSession s = session(operator);
        try {
            Path csv = dir.resolve("items.csv");
            Files.writeString(csv, "type,name,lifecycle,tags,groups\nserver,con-srv-" + Osgi.RUN + ",,,web\n"
                    + "application,con-app-" + Osgi.RUN + ",,,web\n");
            assertEquals("imported " + csv + ": 2 created, 0 changed, 0 unchanged",
                    s.execute("assets:import csv " + csv));
            String found = String.valueOf(s.execute("assets:find -t server con-srv-" + Osgi.RUN));
            assertTrue(found.contains("con-srv-" + Osgi.RUN) && found.endsWith("1 of 1 items"), found);
            String related = String.valueOf(s.execute("assets:relate application/con-app-" + Osgi.RUN
                    + " runs-on server/con-srv-" + Osgi.RUN));
            assertTrue(related.startsWith("related: con-app-" + Osgi.RUN + " runs-on con-srv-" + Osgi.RUN), related);
            String shown = String.valueOf(s.execute("assets:show server/con-srv-" + Osgi.RUN));
            assertTrue(shown.contains("runs-on") && shown.contains(operator.name()), shown);
            String impact = String.valueOf(s.execute("assets:impact server/con-srv-" + Osgi.RUN));
            assertTrue(impact.contains("1 items") && impact.contains("con-app-" + Osgi.RUN), impact);
            String ini = String.valueOf(s.execute("assets:export -g web ini"));
            assertTrue(ini.contains("[web]") && ini.contains("con-srv-" + Osgi.RUN), ini);
            assertEquals("error: relationship: one of runs-on, depends-on, connected-to, hosted-in, owned-by, was"
                    + " 'loves'",
                    s.execute("assets:relate application/con-app-" + Osgi.RUN + " loves server/con-srv-"
                            + Osgi.RUN));
        } finally {
            s.close();
        }
    }

    @Test
    void withoutLoginOrPermissionCommandsAreRefused() throws Exception {
        CommandSession anonymous = session(null);
        try {
            assertEquals("error: not logged in: use opsbench:login LOGIN", anonymous.execute("assets:find"));
        } finally {
            anonymous.close();
        }
        Principal viewer = Osgi.user("viewer");
        CommandSession s = session(viewer);
        try {
            Path csv = dir.resolve("v.csv");
            Files.writeString(csv, "type,name,lifecycle,tags,groups\nserver,viewer-" + Osgi.RUN + ",,,\n");
            String refused = String.valueOf(s.execute("assets:import csv " + csv));
            assertTrue(refused.startsWith("error: ") && refused.contains("assets:write"), refused);
        } finally {
            s.close();
        }
    }
}
