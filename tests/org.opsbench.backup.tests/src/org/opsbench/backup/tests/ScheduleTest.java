package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.internal.BackupRuntime;
import org.opsbench.core.Principal;

/** The schedule tick starts a job when its cron time has come, and never a disabled one. */
class ScheduleTest {

    private static final Principal OPS = Principal.system("backup-tests");

    private static JobDefinition job(String name, Path repo, boolean enabled) {
        return new JobDefinition(name, "", SourceKind.DATABASE, "", 0, "", "", List.of(), "", "local-dir",
                Map.of("folder", repo.toString()), "0 3 * * *", "Europe/Berlin", true, "", Retention.KEEP_ALL, "", "",
                enabled);
    }

    @Test
    void aJobRunsWhenItsCronTimeHasComeAndADisabledOneDoesNot(@TempDir Path repo) throws Exception {
        Backup backup = Osgi.service(Backup.class);
        BackupRuntime runtime = Osgi.service(BackupRuntime.class);
        String on = "sched-on-" + BackupHost.RUN;
        String off = "sched-off-" + BackupHost.RUN;
        backup.saveJob(OPS, job(on, repo.resolve("on"), true));
        backup.saveJob(OPS, job(off, repo.resolve("off"), false));
        Instant evening = Instant.parse("2030-06-01T18:00:00Z");

        runtime.tick(evening);
        Thread.sleep(500);
        assertTrue(backup.runs(OPS, on, 10).isEmpty(), "not due yet at 20:00 in Berlin");
        runtime.tick(evening.plus(Duration.ofHours(8))); // 04:00 in Berlin: 03:00 has come

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<RunRecord> runs = backup.runs(OPS, on, 10);
        while ((runs.isEmpty() || !runs.get(0).outcome().ended()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            runs = backup.runs(OPS, on, 10);
        }
        assertEquals(1, runs.size(), runs.toString());
        assertEquals("schedule", runs.get(0).trigger());
        assertEquals(RunOutcome.SUCCEEDED, runs.get(0).outcome(), runs.get(0).log());
        assertTrue(backup.runs(OPS, off, 10).isEmpty(), "a disabled job is not run");
    }
}
