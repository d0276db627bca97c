package org.opsbench.changes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.changes.BaselineDefinition;
import org.opsbench.changes.BaselineVersion;
import org.opsbench.changes.Baselines;
import org.opsbench.changes.ChangeDraft;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.changes.Drift;
import org.opsbench.changes.InvalidChangeException;
import org.opsbench.core.CiRef;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.osgi.service.event.Event;

/**
 * Configuration baselines against the real sshd: a file and a command output captured with their SHA-256, drift on a
 * changed file found as a unified diff, recorded and posted, and the new configuration approved after the change that
 * authorised it.
 */
class BaselineTest {

    @RegisterExtension
    static final TestHost HOST = new TestHost();

    @Test
    void aChangedFileIsDriftShownAsADiffAndReApprovedAfterAnAuthorisedChange() throws Exception {
        Path conf = HOST.files().resolve("nginx-" + People.RUN + ".conf");
        Files.writeString(conf, "worker_processes 2;\nkeepalive 65;\nlisten 80;\n");
        conf.toFile().setReadable(true, false);
        CiRef web = HOST.item("base-web-" + People.RUN);
        String name = "web-" + People.RUN;
        Baselines baselines = Osgi.service(Baselines.class);
        baselines.define(People.OPERATOR, new BaselineDefinition(name, web, List.of(conf.toString()),
                List.of("printf 'kernel 6.1\\n'")));

        BaselineVersion first = baselines.capture(People.OPERATOR, name);
        assertEquals(1, first.version());
        assertTrue(first.approved());
        assertEquals(List.of("file:" + conf, "command:printf 'kernel 6.1\\n'"),
                first.items().stream().map(BaselineVersion.Item::subject).toList());
        // sha256 of the file as sha256sum computes it
        Process sum = new ProcessBuilder("sha256sum", conf.toString()).start();
        assertEquals(new String(sum.getInputStream().readAllBytes()).split(" ")[0], first.items().get(0).sha256());
        assertEquals("kernel 6.1\n", first.items().get(1).content());

        assertFalse(baselines.compare(People.OPERATOR, name).drifted());

        try (RecordedEvents events = new RecordedEvents(Topics.CHANGES_DRIFT)) {
            Files.writeString(conf, "worker_processes 4;\nkeepalive 65;\nlisten 80;\n");
            Drift.Comparison c = baselines.compare(People.OPERATOR, name);
            assertTrue(c.drifted());
            assertEquals(List.of("file:" + conf), c.changedSubjects());
            assertEquals(2, c.current().version());
            assertFalse(c.current().approved());
            assertEquals("--- a/file:" + conf + "\n+++ b/file:" + conf + "\n@@ -1,3 +1,3 @@\n-worker_processes 2;\n"
                    + "+worker_processes 4;\n keepalive 65;\n listen 80;\n", c.diff());

            Event posted = events.await(Topics.CHANGES_DRIFT,
                    e -> name.equals(e.getProperty(EventProperties.REFERENCE)));
            assertEquals(web.id(), posted.getProperty(EventProperties.CI_ID));
            assertEquals(web.name(), posted.getProperty(EventProperties.CI_NAME));
            assertTrue(((String) posted.getProperty(EventProperties.SUMMARY)).contains("1 of 2 items differ"));
        }
        Drift recorded = baselines.drift(People.VIEWER, Instant.now().minus(Duration.ofMinutes(5)), Instant.now())
                .stream().filter(d -> d.source().equals("baseline:" + name)).findFirst().orElseThrow();
        assertTrue(recorded.diff().contains("+worker_processes 4;"), recorded.diff());

        // approving the new configuration needs an implemented change on that item
        Changes changes = Osgi.service(Changes.class);
        ChangeRequest draft = changes.create(People.OPERATOR,
                ChangeDraft.of(ChangeType.EMERGENCY, "more workers", List.of(web)));
        InvalidChangeException notYet = assertThrows(InvalidChangeException.class,
                () -> baselines.approve(People.CAB_1, name, 2, draft.reference()));
        assertTrue(notYet.getMessage().contains("is DRAFT"), notYet.getMessage());
        changes.submit(People.OPERATOR, draft.reference());
        Instant start = Instant.now().plus(Duration.ofMinutes(1));
        changes.schedule(People.OPERATOR, draft.reference(), start, start.plus(Duration.ofMinutes(30)));
        changes.transition(People.OPERATOR, draft.reference(), ChangeState.IMPLEMENTING, "");
        changes.transition(People.OPERATOR, draft.reference(), ChangeState.IMPLEMENTED, "");
        BaselineVersion approved = baselines.approve(People.CAB_1, name, 2, draft.reference());
        assertTrue(approved.approved());
        assertEquals(draft.reference(), approved.approvedWith());
        assertEquals(List.of(2), baselines.versions(People.VIEWER, name).stream().filter(BaselineVersion::approved)
                .map(BaselineVersion::version).toList());
        assertFalse(baselines.compare(People.OPERATOR, name).drifted());
    }

    @Test
    void aFileThatCannotBeReadStoresNothingAndNamesTheFile() throws Exception {
        CiRef web = HOST.item("base-missing-" + People.RUN);
        String name = "missing-" + People.RUN;
        Baselines baselines = Osgi.service(Baselines.class);
        String missing = HOST.files().resolve("no-such-file").toString();
        baselines.define(People.OPERATOR, new BaselineDefinition(name, web, List.of(missing), List.of()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> baselines.capture(People.OPERATOR, name));
        assertTrue(e.getMessage().startsWith("file " + missing + " of " + web.name() + " could not be read"),
                e.getMessage());
        assertEquals(List.of(), baselines.versions(People.VIEWER, name));
        assertEquals("files", assertThrows(InvalidChangeException.class, () -> baselines.define(People.OPERATOR,
                new BaselineDefinition(name, web, List.of("relative/path"), List.of()))).field());
    }
}
