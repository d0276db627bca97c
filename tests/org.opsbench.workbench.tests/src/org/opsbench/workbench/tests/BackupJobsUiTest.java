package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.opsbench.backup.Backup;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Objective;
import org.opsbench.backup.Retention;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.backup.SourceKind;
import org.opsbench.backup.ui.internal.BackupViews;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The backup jobs view lists a job with its real self-backup run and log; the editor shows the next five run times of
 * the typed schedule and saves a new job; the RPO/RTO board shows the objectives.
 */
class BackupJobsUiTest {

    private static final Principal OPS = Principal.system("workbench-tests");

    @Test
    void theJobsViewListsJobsRunsAndLogsAndTheEditorShowsTheNextFiveRuns() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(BackupJobsUiTest.class).getBundleContext();
        ServiceTracker<Backup, Backup> tracker = new ServiceTracker<>(context, Backup.class, null);
        tracker.open();
        Backup backup = tracker.waitForService(20_000);
        assertNotNull(backup, "Backup");
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Path repo = Files.createTempDirectory("opsbench-ui-backup-");
        String job = "ui-self-" + run;
        backup.saveJob(OPS, new JobDefinition(job, "the workbench's own database", SourceKind.DATABASE, "", 0, "",
                "", List.of(), "", "local-dir", Map.of("folder", repo.toString()), "30 2 * * *", "Europe/Berlin",
                true, "", new Retention(7, 7, 4, 12, 1), "0 4 * * SUN", "", true));
        backup.saveJob(OPS, new JobDefinition("ui-web-" + run, "web content", SourceKind.PATHS, "web-01.example.org",
                22, "backup", "ssh/web-01", List.of("/srv/www", "/etc/nginx"), "", "local-dir",
                Map.of("folder", repo.toString()), "15 */6 * * *", "UTC", true, "", Retention.KEEP_ALL, "", "",
                true));
        long id = backup.startRun(OPS, job);
        RunRecord done = backup.awaitRun(OPS, id, Duration.ofSeconds(60));
        assertEquals(RunOutcome.SUCCEEDED, done.outcome(), done.log());
        assertTrue(backup.verify(OPS, id).passed(), "only a verified backup counts for the RPO");
        backup.saveObjective(OPS, new Objective(new CiRef("ci-ui-" + run, "database", "opsbench-db"), job,
                Duration.ofHours(26), Duration.ofMinutes(15)));
        backup.saveObjective(OPS, new Objective(new CiRef("ci-ui-web-" + run, "host", "web-01"), "ui-web-" + run,
                Duration.ofHours(6), Duration.ofMinutes(30)));

        RunningWorkbench.run(s -> {
            MPart part = Ui.show(s, BackupViews.JOBS);
            Control root = (Control) part.getWidget();
            Table jobs = Ui.find(root, "backup.jobs.table");
            Ui.type(root, "backup.jobs.filter", run);
            s.waitUntil("the jobs listed", 20_000, () -> jobs.getItemCount() == 2);
            TableItem self = java.util.Arrays.stream(jobs.getItems()).filter(i -> i.getText(0).equals(job))
                    .findFirst().orElseThrow();
            assertEquals("Opsbench database", self.getText(1));
            assertEquals("30 2 * * *", self.getText(3));
            assertTrue(self.getText(4).endsWith("Europe/Berlin"), self.getText(4));
            assertEquals("SUCCEEDED", self.getText(5));
            jobs.setSelection(self);
            jobs.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Table runs = Ui.find(root, "backup.runs.table");
            s.waitUntil("the run listed", 20_000, () -> runs.getItemCount() == 1);
            assertEquals(Long.toString(id), runs.getItem(0).getText(0));
            runs.setSelection(0);
            runs.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Text log = Ui.find(root, "backup.log");
            s.waitUntil("the log shown", 20_000, () -> log.getText().contains("online database backup taken"));
            try {
                s.screenshot(root.getShell(), "backup-jobs");
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            // the restore wizard: the self-backup into a new database folder, through the real service
            Path restored = repo.resolve("restored-db");
            s.display().timerExec(300, new Runnable() {
                int tries;

                @Override
                public void run() {
                    Shell wizard = SecurityUiTest.shellNamed(s.display(), "dialog.backup.restore");
                    if (wizard == null) {
                        if (++tries < 100) {
                            s.display().timerExec(100, this);
                        }
                        return;
                    }
                    SecurityUiTest.set(wizard, "restore.destination", restored.toString());
                    try {
                        s.screenshot(wizard, "backup-restore-wizard");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    finish(wizard).notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                }
            });
            Ui.press(root, "backup.restore");
            Label message = Ui.find(root, "backup.message");
            s.waitUntil("the restore reported", 60_000, () -> message.getText().startsWith("Restored run " + id));
            assertTrue(Files.isDirectory(restored.resolve("seg0")), "a Derby database folder was restored");

            AtomicReference<String> next = new AtomicReference<>();
            Ui.answer(s.display(), "dialog.backup.job", d -> {
                SecurityUiTest.set(d, "job.name", "ui-new-" + run);
                Ui.choose(d, "job.source", "DATABASE");
                SecurityUiTest.set(d, "job.targetSettings", "folder=" + repo);
                SecurityUiTest.set(d, "job.timeZone", "UTC");
                SecurityUiTest.set(d, "job.schedule", "0 3 * * MON-FRI");
                next.set(((Label) RunningWorkbench.find(d, "job.nextRuns")).getText());
                try {
                    s.screenshot((Shell) d, "backup-job-editor");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            Ui.press(root, "backup.new");
            s.waitUntil("the new job listed", 20_000, () -> jobs.getItemCount() == 3);
            String[] lines = next.get().split("\n");
            assertEquals("next runs:", lines[0], next.get());
            assertEquals(6, lines.length, "five times: " + next.get());
            assertTrue(lines[1].trim().endsWith("03:00:00 UTC"), next.get());
            assertTrue(tracker.getService().job(OPS, "ui-new-" + run).isPresent(), "saved through the service");

            MPart board = Ui.show(s, BackupViews.OBJECTIVES);
            Control b = (Control) board.getWidget();
            Table objectives = Ui.find(b, "objectives.table");
            Ui.type(b, "objectives.filter", "ui-");
            s.waitUntil("the objectives listed", 20_000, () -> objectives.getItemCount() >= 2);
            var byItem = Ui.rows(objectives);
            assertTrue(byItem.stream().anyMatch(r -> r.get(1).equals("web-01") && r.get(0).equals("BREACHED")),
                    byItem.toString());
            assertTrue(byItem.stream().anyMatch(r -> r.get(1).equals("opsbench-db") && r.get(6).equals("PROTECTED")),
                    byItem.toString());
            try {
                s.screenshot(b.getShell(), "backup-objectives");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        tracker.close();
    }

    private static org.eclipse.swt.widgets.Button finish(Control root) {
        if (root instanceof org.eclipse.swt.widgets.Button b && b.getText().replace("&", "").equals("Finish")) {
            return b;
        }
        if (root instanceof org.eclipse.swt.widgets.Composite c) {
            for (Control child : c.getChildren()) {
                org.eclipse.swt.widgets.Button found = finish(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
