package org.opsbench.backup.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbench.backup.Backup;
import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.VerifyResult;
import org.opsbench.core.Principal;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.security.IdentityAdmin;
import org.osgi.service.event.Event;

/** Backups over SSH against a real sshd, restores, verification, interruption and retention on real targets. */
class BackupRestoreTest {

    @RegisterExtension
    static final BackupHost HOST = new BackupHost();

    private static final Principal OPS = BackupHost.OPS;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Backup backup() {
        return HOST.backup();
    }

    private static RunRecord runToEnd(String job) throws Exception {
        long id = backup().startRun(OPS, job);
        RunRecord r = backup().awaitRun(OPS, id, WAIT);
        assertTrue(r.outcome().ended(), "the run ended: " + r);
        return r;
    }

    private static String name(String base) {
        return base + "-" + BackupHost.RUN;
    }

    private static Event event(String topic, String job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Event> others = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                Event e = HOST.events().poll(200, TimeUnit.MILLISECONDS);
                if (e != null && e.getTopic().equals(topic) && job.equals(e.getProperty("job"))) {
                    return e;
                }
                if (e != null) {
                    others.add(e);
                }
            }
            return null;
        } finally {
            HOST.events().addAll(others);
        }
    }

    @Test
    void aFolderBacksUpAndRestoresByteForByteAfterFilesChangeAndGo(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("src");
        BackupHost.populate(src);
        HOST.own(src);
        Map<String, byte[]> original = BackupHost.snapshot(src);
        String job = name("folder");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of(src.toString()), repo, true, true, Retention.KEEP_ALL));

        RunRecord run = runToEnd(job);

        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        assertEquals(original.size(), run.files());
        assertTrue(Files.exists(repo.resolve(run.archive())), "archive in the target");
        assertTrue(Files.exists(repo.resolve(run.archive() + ".manifest")), "manifest beside it");
        assertTrue(run.archive().endsWith(".tar.gz.enc"), run.archive());
        List<ManifestEntry> manifest = backup().manifest(OPS, run.id());
        String member = src.toString().substring(1) + "/binary.bin";
        ManifestEntry bin = manifest.stream().filter(e -> e.path().equals(member)).findFirst().orElseThrow();
        assertEquals(original.get("binary.bin").length, bin.size());
        assertEquals(org.opsbench.backup.internal.archive.Hex.of(
                org.opsbench.backup.internal.archive.Hex.sha256().digest(original.get("binary.bin"))), bin.sha256());
        assertTrue(manifest.stream().anyMatch(e -> e.path().endsWith("notes.txt") && e.mode() == 0640));

        // change one file, delete two, add one
        Files.writeString(src.resolve("notes.txt"), "overwritten");
        Files.delete(src.resolve("binary.bin"));
        Files.delete(src.resolve("a/b/c/deep.conf"));
        Files.writeString(src.resolve("added-later.txt"), "new");

        // into another folder first
        Path elsewhere = HOST.folder("restored");
        String log = backup().restore(OPS, RestoreRequest.into(run.id(), elsewhere.toString()));
        assertTrue(log.contains("verified"), log);
        Map<String, byte[]> restored = BackupHost.snapshot(elsewhere.resolve(src.toString().substring(1)));
        assertEquals(original.keySet(), restored.keySet());
        original.forEach((path, bytes) -> assertArrayEquals(bytes, restored.get(path), path));

        // then over the original
        backup().restore(OPS, RestoreRequest.into(run.id(), ""));
        Map<String, byte[]> back = BackupHost.snapshot(src);
        original.forEach((path, bytes) -> assertArrayEquals(bytes, back.get(path), path));
        assertEquals("new", Files.readString(src.resolve("added-later.txt")), "a restore adds, it does not delete");
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(src.resolve("notes.txt"))));
    }

    @Test
    void selectedPathsRestoreOnlyThoseMembers(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("sel");
        BackupHost.populate(src);
        HOST.own(src);
        String job = name("select");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of(src.toString()), repo, false, false, Retention.KEEP_ALL));
        RunRecord run = runToEnd(job);
        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        Path dest = HOST.folder("sel-dest");

        backup().restore(OPS, new RestoreRequest(run.id(), "", 0, "", "", dest.toString(),
                List.of(src.resolve("a").toString())));

        Map<String, byte[]> restored = BackupHost.snapshot(dest);
        assertEquals(Set.of(src.toString().substring(1) + "/a/b/c/deep.conf"), restored.keySet());
        assertThrows(IllegalArgumentException.class, () -> backup().restore(OPS, new RestoreRequest(run.id(), "", 0,
                "", "", dest.toString(), List.of("/not/in/it"))));
    }

    @Test
    void aCorruptedArchiveFailsVerification(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("corrupt");
        BackupHost.populate(src);
        HOST.own(src);
        String job = name("corrupt");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of(src.toString()), repo, true, false, Retention.KEEP_ALL));
        RunRecord run = runToEnd(job);
        VerifyResult good = backup().verify(OPS, run.id());
        assertTrue(good.passed(), good.message());
        assertEquals(run.files(), good.filesChecked());
        assertNotNull(backup().run(OPS, run.id()).orElseThrow().verified(), "the pass is recorded");

        try (RandomAccessFile f = new RandomAccessFile(repo.resolve(run.archive()).toFile(), "rw")) {
            long middle = f.length() / 2;
            f.seek(middle);
            int b = f.read();
            f.seek(middle);
            f.write(b ^ 0x40);
        }

        VerifyResult bad = backup().verify(OPS, run.id());
        assertFalse(bad.passed());
        assertTrue(bad.message().contains("checksum") || bad.message().contains("cannot be read"), bad.message());
        Event e = event(Topics.BACKUP_DRILL_FINISHED, job);
        assertNotNull(e);
    }

    @Test
    void aPlainArchiveFailsVerificationWhereverAByteIsCorrupted(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("plain-corrupt");
        BackupHost.populate(src);
        HOST.own(src);
        String job = name("plain-corrupt");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of(src.toString()), repo, false, false, Retention.KEEP_ALL));
        RunRecord run = runToEnd(job);
        assertEquals(RunOutcome.SUCCEEDED, run.outcome(), run.log());
        assertTrue(run.archive().endsWith(".tar"), run.archive());
        String manifest = Files.readString(repo.resolve(run.archive() + ".manifest"));
        assertTrue(manifest.startsWith("# opsbench-backup-manifest 2\narchive-tree-sha256 " + run.sha256() + "\n"),
                manifest);
        VerifyResult good = backup().verify(OPS, run.id());
        assertTrue(good.passed(), good.message());
        assertTrue(good.message().contains("tree sha256"), good.message());

        Path archive = repo.resolve(run.archive());
        long size = Files.size(archive);
        // the middle (file content), a header's name byte, the last byte (the zero blocks after the end marker)
        for (long position : new long[]{size / 2, 10, size - 1}) {
            flip(archive, position);
            VerifyResult bad = backup().verify(OPS, run.id());
            assertFalse(bad.passed(), "byte " + position + " of " + size);
            assertTrue(bad.message().contains("checksum") || bad.message().contains("cannot be read"),
                    bad.message());
            flip(archive, position);
            VerifyResult again = backup().verify(OPS, run.id());
            assertTrue(again.passed(), again.message());
        }
    }

    private static void flip(Path file, long position) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(position);
            int b = f.read();
            f.seek(position);
            f.write(b ^ 0x40);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCancelledRunLeavesNothingThatLooksComplete(boolean compress, @TempDir Path repo) throws Exception {
        String job = name("cancel-" + compress);
        backup().saveJob(OPS, HOST.commandJob(job, "head -c 20000000 /dev/urandom; sleep 60", repo, compress));
        long id = backup().startRun(OPS, job);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backup().run(OPS, id).orElseThrow().sourceBytes() < 1_000_000 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(backup().run(OPS, id).orElseThrow().sourceBytes() >= 1_000_000, "the run was streaming");

        assertTrue(backup().cancelRun(OPS, id));
        RunRecord r = backup().awaitRun(OPS, id, WAIT);

        assertEquals(RunOutcome.CANCELLED, r.outcome(), r.log());
        try (Stream<Path> left = Files.list(repo)) {
            assertEquals(List.of(), left.toList(), "no archive, no manifest, no temp file");
        }
        Event failed = event(Topics.BACKUP_RUN_FAILED, job);
        assertNotNull(failed, "RUN_FAILED was posted");
        assertEquals("cancelled", failed.getProperty(EventProperties.REASON));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aConnectionKilledMidRunFailsTheRunAndLeavesNoArchive(boolean compress, @TempDir Path repo)
            throws Exception {
        String job = name("killed-" + compress);
        backup().saveJob(OPS, HOST.commandJob(job, "head -c 20000000 /dev/urandom; sleep 60", repo, compress));
        long id = backup().startRun(OPS, job);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backup().run(OPS, id).orElseThrow().sourceBytes() < 1_000_000 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        HOST.sshd().killConnections();
        RunRecord r = backup().awaitRun(OPS, id, WAIT);

        assertEquals(RunOutcome.FAILED, r.outcome(), r.log());
        try (Stream<Path> left = Files.list(repo)) {
            assertEquals(List.of(), left.toList());
        }
        assertNotNull(event(Topics.BACKUP_RUN_FAILED, job));
    }

    @Test
    void aMissingSourcePathFailsTheRunWithTarsMessage(@TempDir Path repo) throws Exception {
        String job = name("missing");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of("/no/such/folder-" + BackupHost.RUN), repo, true, false,
                Retention.KEEP_ALL));
        RunRecord r = runToEnd(job);
        assertEquals(RunOutcome.FAILED, r.outcome());
        Event e = event(Topics.BACKUP_RUN_FAILED, job);
        assertNotNull(e);
        assertTrue(String.valueOf(e.getProperty(EventProperties.REASON)).contains("exit code 2"),
                String.valueOf(e.getProperty(EventProperties.REASON)));
        try (Stream<Path> left = Files.list(repo)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCommandsOutputIsTheBackupAndRestoresIntoAFile(boolean compress, @TempDir Path repo) throws Exception {
        String job = name("dump-" + compress);
        backup().saveJob(OPS, HOST.commandJob(job, "seq 1 100000", repo, compress));
        RunRecord r = runToEnd(job);
        assertEquals(RunOutcome.SUCCEEDED, r.outcome(), r.log());
        Path dest = HOST.folder("dump-" + compress);
        backup().restore(OPS, RestoreRequest.into(r.id(), dest.resolve("dump.txt").toString()));
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 100000; i++) {
            expected.append(i).append('\n');
        }
        assertEquals(expected.toString(), Files.readString(dest.resolve("dump.txt")));
        assertTrue(backup().verify(OPS, r.id()).passed());
    }

    @Test
    void theSftpTargetWritesToTheRemoteFolderAndVerifies() throws Exception {
        Path src = HOST.folder("sftp-src");
        BackupHost.populate(src);
        HOST.own(src);
        Path remote = HOST.folder("sftp-repo");
        String job = name("sftp");
        JobDefinition local = HOST.pathsJob(job, List.of(src.toString()), remote, true, true, Retention.KEEP_ALL);
        backup().saveJob(OPS, new JobDefinition(job, "", SourceKind.PATHS, local.host(), local.port(), local.user(),
                local.credentialAlias(), local.paths(), "", "sftp-dir",
                Map.of("host", "127.0.0.1", "port", Integer.toString(HOST.sshd().port()), "user", HOST.sshd().user(),
                        "credentialAlias", HOST.keyAlias(), "folder", remote + "/repo"),
                "", "UTC", true, HOST.aesAlias(), Retention.KEEP_ALL, "", "", true));

        RunRecord r = runToEnd(job);

        assertEquals(RunOutcome.SUCCEEDED, r.outcome(), r.log());
        try (Stream<Path> files = Files.list(remote.resolve("repo"))) {
            assertEquals(Set.of(r.archive(), r.archive() + ".manifest"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
        assertTrue(backup().verify(OPS, r.id()).passed());
        var drill = backup().drill(OPS, job);
        assertTrue(drill.passed(), drill.message());
    }

    @Test
    void retentionPrunesOldArchivesButKeepsTheNewest(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("prune");
        Files.writeString(src.resolve("f"), "x");
        HOST.own(src);
        String job = name("prune");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of(src.toString()), repo, true, false,
                new Retention(2, 0, 0, 0, 0)));
        RunRecord first = runToEnd(job);
        RunRecord second = runToEnd(job);
        RunRecord third = runToEnd(job);

        assertTrue(backup().run(OPS, first.id()).orElseThrow().pruned());
        assertFalse(Files.exists(repo.resolve(first.archive())));
        assertFalse(Files.exists(repo.resolve(first.archive() + ".manifest")));
        assertTrue(Files.exists(repo.resolve(second.archive())));
        assertTrue(Files.exists(repo.resolve(third.archive())));
        assertTrue(backup().run(OPS, first.id()).orElseThrow().log().contains("pruned by retention"));
        assertThrows(IllegalArgumentException.class, () -> backup().verify(OPS, first.id()));
    }

    @Test
    void aDrillRestoresIntoScratchVerifiesAndIsRecorded(@TempDir Path repo) throws Exception {
        Path src = HOST.folder("drill");
        BackupHost.populate(src);
        HOST.own(src);
        String job = name("drill");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of(src.toString()), repo, true, true, Retention.KEEP_ALL));
        RunRecord r = runToEnd(job);

        var drill = backup().drill(OPS, job);

        assertTrue(drill.passed(), drill.message());
        assertEquals(r.id(), drill.runId());
        assertTrue(drill.message().contains("files match the manifest"), drill.message());
        assertEquals(drill, backup().drills(OPS, job, 1).get(0));
        Event e = event(Topics.BACKUP_DRILL_FINISHED, job);
        assertNotNull(e);
        assertEquals("PASSED", e.getProperty(EventProperties.NEW_STATE));
    }

    @Test
    void badJobsAreRefusedNamingTheFieldAndNothingIsStored(@TempDir Path repo) throws Exception {
        JobDefinition ok = HOST.pathsJob(name("bad"), List.of("/tmp"), repo, true, false, Retention.KEEP_ALL);
        record Case(String field, JobDefinition job) {
        }
        List<Case> cases = List.of(
                new Case("name", new JobDefinition("bad name", "", SourceKind.PATHS, ok.host(), ok.port(), ok.user(),
                        ok.credentialAlias(), ok.paths(), "", ok.target(), ok.targetSettings(), "", "UTC", true, "",
                        null, "", "", true)),
                new Case("schedule", with(ok, "0 25 * * *", "UTC")),
                new Case("timeZone", with(ok, "", "Mars/Olympus")),
                new Case("paths[0]", new JobDefinition(ok.name(), "", SourceKind.PATHS, ok.host(), ok.port(),
                        ok.user(), ok.credentialAlias(), List.of("relative"), "", ok.target(), ok.targetSettings(),
                        "", "UTC", true, "", null, "", "", true)),
                new Case("target", new JobDefinition(ok.name(), "", SourceKind.PATHS, ok.host(), ok.port(),
                        ok.user(), ok.credentialAlias(), ok.paths(), "", "tape", Map.of(), "", "UTC", true, "",
                        null, "", "", true)),
                new Case("targetSettings.folder", new JobDefinition(ok.name(), "", SourceKind.PATHS, ok.host(),
                        ok.port(), ok.user(), ok.credentialAlias(), ok.paths(), "", ok.target(), Map.of(), "", "UTC",
                        true, "", null, "", "", true)),
                new Case("encryptionKeyAlias", new JobDefinition(ok.name(), "", SourceKind.PATHS, ok.host(),
                        ok.port(), ok.user(), ok.credentialAlias(), ok.paths(), "", ok.target(), ok.targetSettings(),
                        "", "UTC", true, "no/such/key", null, "", "", true)));
        for (Case c : cases) {
            InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                    () -> backup().saveJob(OPS, c.job()), c.field());
            assertEquals(c.field(), e.field(), e.getMessage());
        }
        assertTrue(backup().job(OPS, ok.name()).isEmpty(), "nothing was stored");
    }

    private static JobDefinition with(JobDefinition j, String schedule, String zone) {
        return new JobDefinition(j.name(), j.description(), j.source(), j.host(), j.port(), j.user(),
                j.credentialAlias(), j.paths(), j.command(), j.target(), j.targetSettings(), schedule, zone,
                j.compress(), j.encryptionKeyAlias(), j.retention(), j.drillSchedule(), j.ciId(), j.enabled());
    }

    @Test
    void aViewerSeesJobsButCannotChangeRunOrRestore(@TempDir Path repo) throws Exception {
        IdentityAdmin identities = Osgi.service(IdentityAdmin.class);
        String login = "bkp-viewer-" + BackupHost.RUN;
        identities.createUser(OPS, login, "Viewer", "", "correct horse 9".toCharArray(), Set.of("viewer"));
        Principal viewer = Principal.user(login, "Viewer");
        String job = name("viewer");
        backup().saveJob(OPS, HOST.pathsJob(job, List.of("/tmp"), repo, true, false, Retention.KEEP_ALL));

        assertTrue(backup().jobs(viewer).stream().anyMatch(j -> j.name().equals(job)));
        assertThrows(NotAllowedException.class, () -> backup().saveJob(viewer, HOST.pathsJob(name("v2"),
                List.of("/tmp"), repo, true, false, Retention.KEEP_ALL)));
        assertThrows(NotAllowedException.class, () -> backup().startRun(viewer, job));
        assertThrows(NotAllowedException.class, () -> backup().deleteJob(viewer, job));
        assertThrows(NotAllowedException.class, () -> backup().restore(viewer, RestoreRequest.into(1, "/tmp/x")));
    }
}
