package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.Retention;
import org.opsbench.security.AuditQuery;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.IdentityAdmin;

/** The {@code backup:*} commands in a real Gogo session after a real {@code opsbench:login}. */
class BackupConsoleTest {

    @RegisterExtension
    static final BackupHost HOST = new BackupHost();

    private static final String ADMIN = "bkp-admin-" + BackupHost.RUN;
    private static final String VIEWER = "bkp-view-" + BackupHost.RUN;
    private static final String PASSWORD = "Console-Pass-4711";

    @BeforeAll
    static void users() throws Exception {
        IdentityAdmin identities = Osgi.service(IdentityAdmin.class);
        identities.createUser(BackupHost.OPS, ADMIN, "Ada Admin", "", PASSWORD.toCharArray(), Set.of("administrator"));
        identities.createUser(BackupHost.OPS, VIEWER, "Vic Viewer", "", PASSWORD.toCharArray(), Set.of("viewer"));
    }

    private static String console(String user, String... commands) throws Exception {
        CommandProcessor processor = Osgi.service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandSession session = processor.createSession(
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true), new PrintStream(out, true));
        try {
            if (user != null) {
                String answer = String.valueOf(session.execute("opsbench:login " + user));
                assertTrue(answer.startsWith("logged in as " + user), answer);
            }
            StringBuilder all = new StringBuilder();
            for (String c : commands) {
                all.append(session.execute(c)).append('\n');
            }
            return all.toString();
        } finally {
            session.close();
        }
    }

    @Test
    void listRunVerifyDrillAndRestoreFromTheConsoleAreAuditedAsTheUser(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("console");
        Files.writeString(src.resolve("file.txt"), "console backup");
        HOST.own(src);
        String job = "console-" + BackupHost.RUN;
        HOST.backup().saveJob(BackupHost.OPS, HOST.pathsJob(job, List.of(src.toString()), repo, true, true,
                Retention.KEEP_ALL));

        String ran = console(ADMIN, "backup:run " + job);
        assertTrue(ran.contains(": SUCCEEDED"), ran);
        Matcher m = Pattern.compile("run (\\d+) of").matcher(ran);
        assertTrue(m.find(), ran);
        String id = m.group(1);

        String listed = console(ADMIN, "backup:jobs", "backup:runs " + job);
        assertTrue(listed.contains(job) && listed.contains("SUCCEEDED"), listed);
        String verified = console(ADMIN, "backup:verify " + id);
        assertTrue(verified.startsWith("PASSED: run " + id), verified);
        String drilled = console(ADMIN, "backup:drill " + job);
        assertTrue(drilled.startsWith("PASSED: drill"), drilled);
        Path dest = HOST.folder("console-dest");
        String restored = console(ADMIN, "backup:restore " + id + " -d " + dest);
        assertTrue(restored.contains("verified"), restored);
        assertEquals("console backup", Files.readString(dest.resolve(src.toString().substring(1) + "/file.txt")));

        List<AuditRecord> audit = Osgi.service(AuditTrail.class).search(BackupHost.OPS,
                new AuditQuery(null, null, ADMIN, null, null, 0));
        assertTrue(audit.stream().anyMatch(r -> r.entry().action().equals("backup.run.start")), "run audited");
        assertTrue(audit.stream().anyMatch(r -> r.entry().action().equals("backup.restore")), "restore audited");
    }

    @Test
    void errorsAreOneLineAndAViewerIsRefused() throws Exception {
        assertEquals("error: not logged in: use opsbench:login LOGIN\n", console(null, "backup:jobs"));
        assertTrue(console(ADMIN, "backup:run no-such-job").startsWith("error: job: no job 'no-such-job'"));
        assertTrue(console(ADMIN, "backup:verify x").startsWith("error: RUN: a run number"));
        String refused = console(VIEWER, "backup:run some-job");
        assertTrue(refused.startsWith("error: "), refused);
        assertTrue(console(VIEWER, "backup:jobs").startsWith("JOB"), "a viewer lists");
    }
}
