package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.backup.DrillRecord;
import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.backup.Objective;
import org.opsbench.backup.ObjectiveStatus;
import org.opsbench.backup.ObjectiveStatus.State;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.internal.schedule.ObjectiveRules;
import org.opsbench.core.CiRef;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.osgi.service.event.Event;

/** RPO/RTO objectives: the pure rules, and breach events from the real service. */
class ObjectivesTest {

    @RegisterExtension
    static final BackupHost HOST = new BackupHost();

    private static final Objective HOURLY = new Objective(new CiRef("ci-1", "host", "web-01"), "j",
            Duration.ofHours(1), Duration.ofMinutes(10));
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void rpoIsProtectedThenAtRiskPastEightyPercentThenBreached() {
        assertEquals(State.PROTECTED, ObjectiveRules.status(HOURLY, NOW.minusSeconds(47 * 60), null, NOW).rpoState());
        assertEquals(State.AT_RISK, ObjectiveRules.status(HOURLY, NOW.minusSeconds(49 * 60), null, NOW).rpoState());
        assertEquals(State.BREACHED, ObjectiveRules.status(HOURLY, NOW.minusSeconds(61 * 60), null, NOW).rpoState());
        assertEquals(State.BREACHED, ObjectiveRules.status(HOURLY, null, null, NOW).rpoState(), "no backup at all");
    }

    @Test
    void rtoComesFromTheLastDrill() {
        DrillRecord fast = new DrillRecord(1, "j", 1, NOW, Duration.ofMinutes(3), true, "");
        DrillRecord slow = new DrillRecord(2, "j", 1, NOW, Duration.ofMinutes(11), true, "");
        DrillRecord failed = new DrillRecord(3, "j", 1, NOW, Duration.ofMinutes(1), false, "");
        assertEquals(State.AT_RISK, ObjectiveRules.status(HOURLY, NOW, null, NOW).rtoState(), "never drilled");
        assertEquals(State.PROTECTED, ObjectiveRules.status(HOURLY, NOW, fast, NOW).rtoState());
        assertEquals(State.BREACHED, ObjectiveRules.status(HOURLY, NOW, slow, NOW).rtoState());
        ObjectiveStatus f = ObjectiveRules.status(HOURLY, NOW, failed, NOW);
        assertEquals(State.BREACHED, f.rtoState());
        assertNull(f.lastDrill());
        assertEquals(State.BREACHED, f.state(), "the worse of the two");
    }

    private static Event breach(String ciId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event e = HOST.events().poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.getTopic().equals(Topics.BACKUP_OBJECTIVE_BREACHED)
                    && ciId.equals(e.getProperty(EventProperties.CI_ID))) {
                return e;
            }
        }
        return null;
    }

    @Test
    void anRpoBreachPostsOneEventWithTheCi(@TempDir Path repo) throws Exception {
        var backup = HOST.backup();
        Path src = HOST.folder("rpo");
        Files.writeString(src.resolve("f"), "x");
        HOST.own(src);
        String job = "rpo-" + BackupHost.RUN;
        backup.saveJob(BackupHost.OPS, HOST.pathsJob(job, List.of(src.toString()), repo, true, false,
                Retention.KEEP_ALL));
        String ci = "ci-rpo-" + BackupHost.RUN;
        backup.saveObjective(BackupHost.OPS, new Objective(new CiRef(ci, "host", "db-01"), job, Duration.ofHours(1),
                Duration.ofMinutes(5)));

        ObjectiveStatus never = backup.status(BackupHost.OPS).stream()
                .filter(s -> s.objective().ci().id().equals(ci)).findFirst().orElseThrow();
        assertEquals(State.BREACHED, never.rpoState());
        Event e = breach(ci);
        assertNotNull(e, "OBJECTIVE_BREACHED was posted");
        assertEquals("db-01", e.getProperty(EventProperties.CI_NAME));
        assertEquals("host", e.getProperty(EventProperties.CI_TYPE));
        backup.status(BackupHost.OPS);
        assertNull(breach(ci), "a breach is posted once, not on every look");

        long id = backup.startRun(BackupHost.OPS, job);
        assertEquals(RunOutcome.SUCCEEDED, backup.awaitRun(BackupHost.OPS, id, Duration.ofSeconds(60)).outcome());
        backup.drill(BackupHost.OPS, job);
        ObjectiveStatus after = backup.status(BackupHost.OPS).stream()
                .filter(s -> s.objective().ci().id().equals(ci)).findFirst().orElseThrow();
        assertEquals(State.PROTECTED, after.rpoState());
        assertEquals(State.PROTECTED, after.rtoState());
        assertEquals(State.PROTECTED, after.state());

        org.opsbench.core.spi.DashboardTile tile = org.opsbench.testing.Services.await(Osgi.context(),
                org.opsbench.core.spi.DashboardTile.class, null, Osgi.TIMEOUT);
        for (var ref : Osgi.context().getServiceReferences(org.opsbench.core.spi.DashboardTile.class, null)) {
            var t = Osgi.context().getService(ref);
            if (t.id().equals("backup.protection")) {
                tile = t;
            }
        }
        assertEquals("backup.protection", tile.id());
        long protectedCount = backup.status(BackupHost.OPS).stream().filter(s -> s.state() == State.PROTECTED).count();
        assertEquals(protectedCount, Long.parseLong(tile.current().value().split(" / ")[0]),
                "the tile counts the protected items: " + tile.current());
        assertEquals("protected / at risk / breached", tile.current().unit());
    }

    private static ObjectiveStatus statusOf(String ci) {
        return HOST.backup().status(BackupHost.OPS).stream().filter(s -> s.objective().ci().id().equals(ci))
                .findFirst().orElseThrow();
    }

    @Test
    void rpoCountsTheLastVerifiedBackupNotTheLastSucceededRun(@TempDir Path repo) throws Exception {
        var backup = HOST.backup();
        Path src = HOST.folder("rpo-verified");
        Files.writeString(src.resolve("f"), "verified");
        HOST.own(src);
        String job = "rpo-verified-" + BackupHost.RUN;
        backup.saveJob(BackupHost.OPS, HOST.pathsJob(job, List.of(src.toString()), repo, false, false,
                Retention.KEEP_ALL));
        String ci = "ci-rpo-verified-" + BackupHost.RUN;
        backup.saveObjective(BackupHost.OPS, new Objective(new CiRef(ci, "host", "files-01"), job,
                Duration.ofHours(1), Duration.ofMinutes(5)));

        long id = backup.startRun(BackupHost.OPS, job);
        var run = backup.awaitRun(BackupHost.OPS, id, Duration.ofSeconds(60));
        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        ObjectiveStatus unverified = statusOf(ci);
        assertEquals(State.BREACHED, unverified.rpoState(), "a succeeded run that nobody verified does not count");
        assertNull(unverified.lastGoodBackup());

        assertTrue(backup.verify(BackupHost.OPS, id).passed());
        ObjectiveStatus verified = statusOf(ci);
        assertEquals(State.PROTECTED, verified.rpoState());
        assertEquals(run.ended(), verified.lastGoodBackup(), "the age is the verified backup's, not the check's");

        try (var f = new java.io.RandomAccessFile(repo.resolve(run.archive()).toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x40);
        }
        assertFalse(backup.verify(BackupHost.OPS, id).passed());
        assertEquals(State.BREACHED, statusOf(ci).rpoState(), "an archive that fails a later verification no longer"
                + " counts");
    }

    @Test
    void anObjectiveNeedsAnExistingJobAndPositiveDurations() throws Exception {
        var backup = HOST.backup();
        assertEquals("job", assertThrows(InvalidDefinitionException.class, () -> backup.saveObjective(BackupHost.OPS,
                new Objective(new CiRef("x", "host", "x"), "no-such-job", Duration.ofHours(1), Duration.ofHours(1))))
                .field());
    }
}
