package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.core.Principal;
import org.opsbench.testing.PostgresSuite;

/**
 * Self-backup when the Opsbench database is PostgreSQL: the DATABASE job archives a {@code pg_dump} file, the archive
 * verifies, and the Derby restore refuses it naming {@code pg_restore}. Runs only in the PostgreSQL suite (the
 * {@code postgres} execution of this bundle; the Derby execution excludes it, {@link SelfBackupTest} is its Derby
 * counterpart).
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
    }
}
