package org.opsbench.rest.areas.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.assets.Assets;
import org.opsbench.assets.CiSpec;
import org.opsbench.assets.ConfigurationItem;
import org.opsbench.assets.LifecycleState;
import org.opsbench.assets.RelationshipKind;
import org.opsbench.assets.rest.internal.CisResource;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.rest.internal.BackupJobsResource;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.rest.internal.ChangesResource;
import org.opsbench.core.CiRef;

import jakarta.ws.rs.core.SecurityContext;

/** Changes, configuration items and backup jobs over their resources on the real services. */
class ChangesAssetsBackupResourcesTest {

    @Test
    void changesAreListedByStateAndWindowAndShown() throws Exception {
        Changes changes = Areas.service(Changes.class);
        Instant base = Instant.parse("2031-05-01T00:00:00Z").plusSeconds(Math.abs(Areas.RUN.hashCode() % 100_000));
        String tag = "rest-chg-" + Areas.RUN;
        ConfigurationItem ci = Areas.service(Assets.class).create(Areas.OPS, CiSpec.of("server", tag + "-host"));
        List<CiRef> items = List.of(new CiRef(ci.id(), ci.type(), ci.name()));
        ChangeRequest early = changes.create(Areas.OPS, new ChangeDraft(ChangeType.NORMAL, tag + " early", "why",
                items, base, base.plus(Duration.ofHours(2)), List.of("step"), List.of("back"), "test", ""));
        ChangeRequest late = changes.create(Areas.OPS, new ChangeDraft(ChangeType.NORMAL, tag + " late", "why",
                items, base.plus(Duration.ofDays(2)), base.plus(Duration.ofDays(2).plusHours(1)),
                List.of("step"), List.of("back"), "test", ""));
        ChangesResource resource = Areas.service(ChangesResource.class);
        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        assertEquals(2, resource.list(null, null, null, null, tag, 0, 50, viewer).total());
        var window = resource.list(null, null, base.plus(Duration.ofHours(1)).toString(),
                base.plus(Duration.ofDays(1)).toString(), tag, 0, 50, viewer);
        assertEquals(List.of(early.reference()), window.items().stream().map(c -> c.reference()).toList());
        var fromLater = resource.list(null, null, base.plus(Duration.ofDays(1)).toString(), null, tag, 0, 50, viewer);
        assertEquals(List.of(late.reference()), fromLater.items().stream().map(c -> c.reference()).toList());
        assertEquals(2, resource.list("DRAFT", "normal", null, null, tag, 0, 50, viewer).total());
        assertEquals(0, resource.list("CLOSED", null, null, null, tag, 0, 50, viewer).total());
        var shown = resource.get(early.reference(), viewer);
        assertEquals("DRAFT", shown.state());
        assertEquals(List.of("step"), shown.steps());
        assertEquals(base, shown.plannedStart());
        assertThrows(NoSuchElementException.class, () -> resource.get("CHG-999999999", viewer));
        Areas.badRequest("from", () -> resource.list(null, null, "tomorrow", null, null, 0, 50, viewer));
        Areas.badRequest("state", () -> resource.list("DONE", null, null, null, null, 0, 50, viewer));
        Areas.forbidden(() -> resource.list(null, null, null, null, null, 0, 50, Areas.as(Areas.NOBODY)));
    }

    @Test
    void configurationItemsAreListedByTypeTextAndTagAndShownWithTheirRelationships() throws Exception {
        Assets assets = Areas.service(Assets.class);
        String tag = "rest-ci-" + Areas.RUN;
        ConfigurationItem app = assets.create(Areas.OPS, new CiSpec("application", tag + "-shop",
                LifecycleState.DEPLOYED, Map.of(), Set.of(tag), Set.of()));
        ConfigurationItem server = assets.create(Areas.OPS, new CiSpec("server", tag + "-srv",
                LifecycleState.DEPLOYED, Map.of(), Set.of(tag), Set.of()));
        assets.create(Areas.OPS, new CiSpec("server", tag + "-spare", LifecycleState.IN_STOCK, Map.of(), Set.of(),
                Set.of()));
        assets.relate(Areas.OPS, app.id(), RelationshipKind.RUNS_ON, server.id());

        CisResource cis = Areas.service(CisResource.class);
        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        assertEquals(3, cis.list(null, tag, null, null, null, 0, 50, viewer).total());
        assertEquals(2, cis.list(null, null, tag, null, null, 0, 50, viewer).total());
        assertEquals(List.of(tag + "-spare", tag + "-srv"), cis.list("server", tag, null, null, null, 0, 50, viewer)
                .items().stream().map(c -> c.name()).toList());
        assertEquals(List.of(tag + "-spare"), cis.list(null, tag, null, null, "in_stock", 0, 50, viewer).items()
                .stream().map(c -> c.name()).toList());
        var page = cis.list(null, tag, null, null, null, 2, 2, viewer);
        assertEquals(1, page.items().size());
        assertEquals(3, page.total());
        var detail = cis.get(app.id(), viewer);
        assertEquals(tag + "-shop", detail.item().name());
        assertEquals(1, detail.relationships().size());
        assertEquals("RUNS_ON", detail.relationships().get(0).kind());
        assertEquals(server.id(), detail.relationships().get(0).target().id());
        assertEquals(1, cis.get(server.id(), viewer).relationships().size(), "both directions");
        assertThrows(NoSuchElementException.class, () -> cis.get("no-such-ci", viewer));
        Areas.badRequest("lifecycle", () -> cis.list(null, null, null, null, "BROKEN", 0, 50, viewer));
        Areas.forbidden(() -> cis.list(null, null, null, null, null, 0, 50, Areas.as(Areas.NOBODY)));
    }

    @Test
    void aBackupJobIsListedRunNowAndItsRunsPaged(@TempDir Path repo) throws Exception {
        Backup backup = Areas.service(Backup.class);
        String name = "rest-db-" + Areas.RUN;
        backup.saveJob(Areas.OPS, new JobDefinition(name, "the workspace database", SourceKind.DATABASE, "", 0, "", "",
                List.of(), "", "local-dir", Map.of("folder", repo.toString()), "0 3 * * *", "UTC", true, "",
                Retention.KEEP_ALL, "", "", true));
        BackupJobsResource jobs = Areas.service(BackupJobsResource.class);
        SecurityContext viewer = Areas.as(Areas.user("viewer"));
        var listed = jobs.list(name, null, 0, 50, viewer);
        assertEquals(1, listed.total());
        assertEquals("DATABASE", listed.items().get(0).source());
        assertEquals(0, jobs.list(name, "false", 0, 50, viewer).total());
        Areas.badRequest("enabled", () -> jobs.list(null, "maybe", 0, 50, viewer));

        Areas.forbidden(() -> jobs.runNow(name, viewer));
        var started = jobs.runNow(name, Areas.as(Areas.user("operator")));
        assertEquals(name, started.job());
        var done = backup.awaitRun(Areas.OPS, started.id(), Duration.ofSeconds(120));
        assertEquals(RunOutcome.SUCCEEDED, done.outcome(), done.log());
        var runs = jobs.runs(name, null, 0, 50, viewer);
        assertEquals(1, runs.total());
        assertEquals("SUCCEEDED", runs.items().get(0).outcome());
        assertTrue(runs.items().get(0).bytes() > 0);
        assertEquals(started.id(), jobs.run(name, started.id(), viewer).id());
        assertEquals(0, jobs.runs(name, "failed", 0, 50, viewer).total());
        assertThrows(NoSuchElementException.class, () -> jobs.runs("no-such-" + name, null, 0, 50, viewer));
        assertThrows(NoSuchElementException.class, () -> jobs.run("other-" + name, started.id(), viewer));
    }
}
