package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.Backup;
import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.core.Principal;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.DatabaseBackup;
import org.opsbench.testing.PostgresSuite;
import org.opsbench.testing.Services;

/**
 * Self-backup when the Opsbench database is PostgreSQL: the DATABASE job archives a {@code pg_dump} file, the archive
 * verifies, the Derby restore refuses it naming {@code pg_restore}, and a restore drill passes by reading the dump
 * whole with {@code pg_restore} (every area's table data); a dump pg_restore cannot read fails the drill. Runs only in
 * the PostgreSQL suite (the {@code postgres} execution of this bundle; the Derby execution excludes it,
 * {@link SelfBackupTest} is its Derby counterpart).
 */
class PostgresSelfBackupTest {

    private static final Principal OPS = Principal.system("backup-tests");

    @Test
    void theDatabaseJobArchivesAPgDumpThatVerifiesAndIsRestoredWithPgRestore(@TempDir Path repo,
            @TempDir Path restored) throws Exception {
        assertNotNull(PostgresSuite.server(), "this class belongs to the PostgreSQL suite");
        Backup backup = Osgi.service(Backup.class);
        String job = "pg-self-" + BackupHost.RUN;
        backup.saveJob(OPS, new JobDefinition(job, "Opsbench database on PostgreSQL", SourceKind.DATABASE, "", 0, "",
                "", List.of(), "", "local-dir", Map.of("folder", repo.toString()), "0 3 * * *", "UTC", true, "",
                new Retention(7, 7, 4, 12, 0), "", "", true));

        long id = backup.startRun(OPS, job);
        RunRecord run = backup.awaitRun(OPS, id, Duration.ofSeconds(120));
        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        List<ManifestEntry> manifest = backup.manifest(OPS, id);
        ManifestEntry dump = manifest.stream().filter(e -> e.path().endsWith("opsbench.dump")).findFirst()
                .orElseThrow(() -> new AssertionError("no opsbench.dump in " + manifest));
        assertTrue(dump.size() > 1000, "a dump of every area's tables is more than a header: " + dump);
        assertTrue(backup.verify(OPS, id).passed(), "the archive verifies");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> backup.restoreDatabase(OPS, id, restored.resolve("db")));
        assertTrue(refused.getMessage().contains("pg_restore"), refused.getMessage());

        DrillRecord drill = backup.drill(OPS, job);
        assertTrue(drill.passed(), drill.message());
        Matcher tables = Pattern.compile("pg_restore read the dump whole \\((\\d+) tables' data")
                .matcher(drill.message());
        assertTrue(tables.find(), drill.message());
        int inDatabase;
        try (java.sql.Connection c = Services.await(Osgi.context(), javax.sql.DataSource.class,
                Database.DEFAULT_DATASOURCE_FILTER, Osgi.TIMEOUT).getConnection();
                java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
            r.next();
            inDatabase = r.getInt(1);
        }
        assertEquals(inDatabase, Integer.parseInt(tables.group(1)), "every table's data: " + drill.message());
    }

    @Test
    void aDumpPgRestoreCannotReadFailsTheCheck(@TempDir Path folder) throws Exception {
        assertNotNull(PostgresSuite.server(), "this class belongs to the PostgreSQL suite");
        DatabaseBackup database = Osgi.service(DatabaseBackup.class);
        Path backup = database.backup(folder);
        Path dump = backup.resolve("opsbench.dump");
        byte[] bytes = Files.readAllBytes(dump);
        // cut off after the table of contents: the data of the tables is missing
        Files.write(dump, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException failed = assertThrows(IOException.class, () -> database.check(backup, folder.resolve("scratch")));
        assertTrue(failed.getMessage().contains("pg_restore"), failed.getMessage());
    }
}
