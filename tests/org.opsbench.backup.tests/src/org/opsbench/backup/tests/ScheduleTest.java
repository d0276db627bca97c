package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.opsbench.backup.internal.schedule.CatchUp;
import org.opsbench.core.Principal;

/**
 * The schedule tick starts a job when its cron time has come, and never a disabled one; slots missed while the server
 * was off are caught up once at start.
 */
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

    private static List<RunRecord> awaitEnded(Backup backup, String job, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<RunRecord> runs = backup.runs(OPS, job, 10);
        while ((runs.size() < count || runs.stream().anyMatch(r -> !r.outcome().ended()))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            runs = backup.runs(OPS, job, 10);
        }
        return runs;
    }

    @Test
    void slotsMissedWhileTheServerWasOffAreCaughtUpOnceAtStart(@TempDir Path repo) throws Exception {
        Backup backup = Osgi.service(Backup.class);
        BackupRuntime runtime = Osgi.service(BackupRuntime.class);
        String name = "sched-catchup-" + BackupHost.RUN;
        Instant saved = runtime.clock().instant();
        JobDefinition berlin = job(name, repo, true);
        backup.saveJob(OPS, new JobDefinition(name, "", berlin.source(), "", 0, "", "", List.of(), "", "local-dir",
                berlin.targetSettings(), "0 3 * * *", "UTC", true, "", Retention.KEEP_ALL, "", "", true)); // from now

        runtime.catchUp(saved); // other tests' jobs may be caught up too: this one is looked at
        Thread.sleep(300);
        assertTrue(backup.runs(OPS, name, 10).isEmpty(), "nothing was missed yet");
        Instant threeDaysLater = saved.plus(Duration.ofDays(3)); // the injected clock: 72 h hold 3 daily slots
        List<Long> started = runtime.catchUp(threeDaysLater);
        List<RunRecord> runs = awaitEnded(backup, name, 1);
        assertEquals(1, runs.size(), "three missed slots give one run, not three: " + runs);
        RunRecord run = runs.get(0);
        assertTrue(started.contains(run.id()), started + " " + run);
        assertEquals("catch-up", run.trigger());
        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        assertTrue(run.log().contains("catch-up: the schedule '0 3 * * *' (UTC) was missed (3 slots, "),
                run.log());

        runtime.catchUp(threeDaysLater.plus(Duration.ofMinutes(5)));
        Thread.sleep(300);
        assertEquals(1, backup.runs(OPS, name, 10).size(), "a second start right after does not run it again");
    }

    @Test
    void missedSlotsAreCountedFromTheLastScheduledRun() {
        var cron = org.opsbench.backup.CronExpression.parse("0 3 * * *");
        var berlin = java.time.ZoneId.of("Europe/Berlin");
        Instant from = Instant.parse("2030-06-01T02:00:00Z"); // 04:00 in Berlin, after that day's slot
        assertTrue(CatchUp.missed(cron, berlin, from, Instant.parse("2030-06-02T00:59:00Z")).isEmpty());
        CatchUp.Missed one = CatchUp.missed(cron, berlin, from, Instant.parse("2030-06-02T01:00:00Z")).orElseThrow();
        assertEquals(1, one.slots());
        assertEquals(Instant.parse("2030-06-02T01:00:00Z"), one.last());
        CatchUp.Missed week = CatchUp.missed(cron, berlin, from, Instant.parse("2030-06-08T12:00:00Z")).orElseThrow();
        assertEquals(7, week.slots());
        assertEquals(Instant.parse("2030-06-02T01:00:00Z"), week.first());
        assertEquals(Instant.parse("2030-06-08T01:00:00Z"), week.last());
        assertFalse(week.more());
    }
}
