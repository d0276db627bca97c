package org.opsbench.backup.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.opsbench.backup.Backup;
import org.opsbench.backup.CronExpression;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.RunOutcome;
import org.opsbench.backup.RunRecord;
import org.opsbench.core.Principal;
import org.opsbench.core.spi.BackupTarget;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Backup jobs (with their last run and next scheduled run), the runs of the selected job and the log of the selected
 * run. New/Edit open the job editor; Run now, Cancel, Verify, Drill and Restore… call the service as Jobs; the lists
 * are read again when a backup event arrives.
 */
public class JobsPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Backup backup;

    private Composite root;
    private MessageLine message;
    private TableSupport<JobRow> jobs;
    private TableSupport<RunRecord> runs;
    private Text log;
    private ViewReads reads;

    /** A job and its last run, as listed. */
    record JobRow(JobDefinition job, RunRecord last) {
    }

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(bar, "New…", "backup.new", () -> edit(null));
        Buttons.push(bar, "Edit…", "backup.edit", () -> selectedJob().ifPresent(r -> edit(r.job())));
        Buttons.push(bar, "Delete", "backup.delete", this::delete);
        Buttons.push(bar, "Run now", "backup.run", this::runNow);
        Buttons.push(bar, "Cancel run", "backup.cancel", this::cancel);
        Buttons.push(bar, "Verify", "backup.verify", this::verify);
        Buttons.push(bar, "Drill", "backup.drill", this::drill);
        Buttons.push(bar, "Restore…", "backup.restore", this::restore);
        Buttons.push(bar, "Refresh", "backup.refresh", this::refresh);
        message = new MessageLine(parent, "backup.message");
        reads = new ViewReads(ui, parent, message);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(1, false));
        jobs = new TableSupport<>(top, "backup.jobs");
        jobs.column("Job", 170, r -> r.job().name())
                .column("Source", 190, JobsPart::source)
                .column("Target", 80, r -> r.job().target())
                .column("Schedule", 110, r -> r.job().schedule().isEmpty() ? "on demand" : r.job().schedule())
                .column("Next run", 170, JobsPart::nextRun)
                .column("Last run", 100, r -> r.last() == null ? "never" : r.last().outcome().name())
                .column("Last run at", 140, r -> r.last() == null ? "" : Texts.time(r.last().started()),
                        Comparator.comparing(r -> r.last() == null ? Instant.EPOCH : r.last().started()))
                .column("Size", 80, r -> r.last() == null ? "" : Texts.bytes(r.last().bytes()),
                        Comparator.comparingLong(r -> r.last() == null ? 0 : r.last().bytes()))
                .column("Retention", 90, r -> retention(r.job()))
                .column("Encrypted", 70, r -> r.job().encrypted() ? "yes" : "no");
        jobs.colors(5, r -> r.last() == null ? null : outcomeColor(r.last().outcome()), r -> null);
        jobs.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        jobs.viewer().addSelectionChangedListener(e -> showRuns());
        jobs.viewer().addDoubleClickListener(e -> selectedJob().ifPresent(r -> edit(r.job())));
        Composite middle = new Composite(sash, SWT.NONE);
        middle.setLayout(new GridLayout(1, false));
        runs = new TableSupport<>(middle, "backup.runs");
        runs.column("Run", 50, r -> Long.toString(r.id()), Comparator.comparingLong(RunRecord::id))
                .column("Started", 140, r -> Texts.time(r.started()), Comparator.comparing(RunRecord::started))
                .column("Took", 80, r -> r.ended() == null
                        ? ""
                        : Texts.duration(Duration.between(r.started(),
                                r.ended())))
                .column("Outcome", 90, r -> r.outcome().name() + (r.pruned() ? " (pruned)" : ""))
                .column("Stored", 80, r -> Texts.bytes(r.bytes()), Comparator.comparingLong(RunRecord::bytes))
                .column("Files", 60, r -> Integer.toString(r.files()), Comparator.comparingInt(RunRecord::files))
                .column("Verified", 140, r -> Texts.time(r.verified()))
                .column("By", 120, RunRecord::trigger)
                .column("Archive", 330, RunRecord::archive)
                .column("SHA-256", 200, RunRecord::sha256);
        runs.colors(3, r -> outcomeColor(r.outcome()), r -> null);
        runs.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        runs.viewer().addSelectionChangedListener(e -> selectedRun().ifPresentOrElse(r -> log.setText(r.log()),
                () -> log.setText("")));
        log = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        log.setData(WorkbenchIds.WIDGET_ID, "backup.log");
        sash.setWeights(45, 35, 20);
        jobs.sortBy(0);
        runs.sortBy(0);
        runs.sortBy(0); // newest first
        if (backup == null) {
            message.error("The backup service (bundle org.opsbench.backup) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        if (reads != null) {
            reads.dispose();
        }
    }

    static String source(JobRow r) {
        JobDefinition j = r.job();
        return switch (j.source()) {
            case PATHS -> j.host() + ":" + String.join(",", j.paths());
            case COMMAND -> j.host() + ": " + j.command();
            case DATABASE -> "Opsbench database";
        };
    }

    static String nextRun(JobRow r) {
        JobDefinition j = r.job();
        if (j.schedule().isEmpty() || !j.enabled()) {
            return j.enabled() ? "" : "disabled";
        }
        try {
            ZoneId zone = ZoneId.of(j.timeZone());
            return Texts.time(CronExpression.parse(j.schedule()).next(Instant.now(), zone), zone);
        } catch (RuntimeException e) {
            return "invalid";
        }
    }

    static String retention(JobDefinition j) {
        var r = j.retention();
        return r.keepsAll()
                ? "keep all"
                : r.keepLast() + "/" + r.daily() + "/" + r.weekly() + "/" + r.monthly() + "/" + r.yearly();
    }

    private static Color outcomeColor(RunOutcome o) {
        Display d = Display.getCurrent();
        return switch (o) {
            case SUCCEEDED -> new Color(d, 0xc8, 0xe6, 0xc9);
            case FAILED -> new Color(d, 0xff, 0xcd, 0xd2);
            case CANCELLED -> new Color(d, 0xff, 0xec, 0xb3);
            case RUNNING -> new Color(d, 0xbb, 0xde, 0xfb);
        };
    }

    private java.util.Optional<JobRow> selectedJob() {
        Object o = ((IStructuredSelection) jobs.viewer().getSelection()).getFirstElement();
        return java.util.Optional.ofNullable((JobRow) o);
    }

    private java.util.Optional<RunRecord> selectedRun() {
        Object o = ((IStructuredSelection) runs.viewer().getSelection()).getFirstElement();
        return java.util.Optional.ofNullable((RunRecord) o);
    }

    /** A backup event: read the lists again. */
    @Inject
    @Optional
    void backupEvent(@EventTopic("org/opsbench/backup/*") Event event) {
        if (reads != null) {
            reads.refreshLater(this::refresh);
        }
    }

    /** Reads the jobs and their last runs in the background. */
    void refresh() {
        if (backup == null) {
            return;
        }
        Backup b = backup;
        reads.read("Reading backup jobs",
                () -> b.jobs(principal).stream()
                        .map(j -> new JobRow(j, b.runs(principal, j.name(), 1).stream().findFirst().orElse(null)))
                        .toList(),
                (List<JobRow> rows) -> {
                    String selected = selectedJob().map(r -> r.job().name()).orElse(null);
                    jobs.setRows(rows);
                    if (selected != null) {
                        rows.stream().filter(r -> r.job().name().equals(selected)).findFirst()
                                .ifPresent(r -> jobs.viewer().setSelection(
                                        new org.eclipse.jface.viewers.StructuredSelection(r), true));
                    }
                    if (!message.isError()) {
                        message.info(rows.size() + (rows.size() == 1 ? " job" : " jobs"));
                    }
                    showRuns();
                });
    }

    private void showRuns() {
        java.util.Optional<JobRow> job = selectedJob();
        if (job.isEmpty() || backup == null) {
            runs.setRows(List.of());
            return;
        }
        Backup b = backup;
        String name = job.get().job().name();
        reads.read("Reading the runs of " + name, () -> b.runs(principal, name, 200), (List<RunRecord> rows) -> {
            Long selected = selectedRun().map(RunRecord::id).orElse(null);
            runs.setRows(rows);
            rows.stream().filter(r -> selected != null && r.id() == selected).findFirst().ifPresent(r -> {
                runs.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true);
                log.setText(r.log());
            });
        });
    }

    private void edit(JobDefinition job) {
        if (backup == null) {
            return;
        }
        List<String> targets = backup.targets().stream().map(BackupTarget::id).sorted().toList();
        JobEditor editor = new JobEditor(root.getShell(), job, targets, j -> backup.saveJob(principal, j));
        if (editor.open() == Window.OK) {
            message.info("Saved job " + editor.saved().name());
            refresh();
        }
    }

    private void delete() {
        selectedJob().ifPresent(r -> {
            if (MessageDialog.openConfirm(root.getShell(), "Delete backup job", "Delete job " + r.job().name()
                    + " and its run history? Archives stay in the target.")) {
                Backup b = backup;
                Background.run(ui, "Deleting " + r.job().name(), true, () -> b.deleteJob(principal, r.job().name()),
                        done -> {
                            message.info("Deleted job " + r.job().name());
                            refresh();
                        }, e -> message.error(Background.message(e)));
            }
        });
    }

    private void runNow() {
        selectedJob().ifPresent(r -> {
            Backup b = backup;
            String name = r.job().name();
            Background.run(ui, "Backing up " + name, true, () -> {
                long id = b.startRun(principal, name);
                return b.awaitRun(principal, id, Duration.ofHours(12));
            }, (RunRecord done) -> {
                if (done.outcome() == RunOutcome.SUCCEEDED) {
                    message.info("Run " + done.id() + " of " + name + " succeeded: " + Texts.bytes(done.bytes())
                            + ", " + done.files() + " files");
                } else {
                    message.error("Run " + done.id() + " of " + name + " " + done.outcome().name().toLowerCase());
                }
                refresh();
            }, e -> message.error(Background.message(e)));
            message.info("Started a run of " + name);
            root.getDisplay().timerExec(500, this::refresh);
        });
    }

    private void cancel() {
        selectedRun().filter(r -> r.outcome() == RunOutcome.RUNNING).ifPresent(r -> {
            Backup b = backup;
            Background.run(ui, "Cancelling run " + r.id(), true, () -> b.cancelRun(principal, r.id()),
                    ok -> message.info(ok ? "Cancelled run " + r.id() : "Run " + r.id() + " had ended"),
                    e -> message.error(Background.message(e)));
        });
    }

    private void verify() {
        selectedRun().ifPresent(r -> {
            Backup b = backup;
            Background.run(ui, "Verifying run " + r.id(), true, () -> b.verify(principal, r.id()), v -> {
                if (v.passed()) {
                    message.info("Run " + r.id() + " verified: " + v.message());
                } else {
                    message.error("Run " + r.id() + " FAILED verification: " + v.message());
                }
                refresh();
            }, e -> message.error(Background.message(e)));
        });
    }

    private void drill() {
        selectedJob().ifPresent(r -> {
            Backup b = backup;
            Background.run(ui, "Restore drill of " + r.job().name(), true, () -> b.drill(principal, r.job().name()),
                    d -> {
                        if (d.passed()) {
                            message.info("Drill of " + d.job() + " passed in " + Texts.duration(d.duration()));
                        } else {
                            message.error("Drill of " + d.job() + " failed: " + d.message());
                        }
                    }, e -> message.error(Background.message(e)));
        });
    }

    private void restore() {
        java.util.Optional<JobRow> job = selectedJob();
        java.util.Optional<RunRecord> run = selectedRun();
        if (job.isEmpty() || run.isEmpty() || !run.get().good()) {
            message.error("Choose a job and a succeeded run that was not pruned");
            return;
        }
        RestoreWizard wizard = new RestoreWizard(job.get().job(), run.get(),
                backup.manifest(principal, run.get().id()));
        WizardDialog dialog = new WizardDialog(root.getShell(), wizard) {
            @Override
            protected void configureShell(org.eclipse.swt.widgets.Shell shell) {
                super.configureShell(shell);
                shell.setData(WorkbenchIds.WIDGET_ID, "dialog.backup.restore");
            }
        };
        if (dialog.open() == Window.OK) {
            Backup b = backup;
            boolean database = job.get().job().source() == org.opsbench.backup.SourceKind.DATABASE;
            RestoreRequest request = wizard.request();
            Background.run(ui, "Restoring run " + run.get().id(), true, () -> database
                    ? b.restoreDatabase(principal, request.runId(), java.nio.file.Path.of(request.destination()))
                    : b.restore(principal, request),
                    out -> {
                        message.info("Restored run " + run.get().id() + "; checksums verified");
                        log.setText(out);
                    }, e -> message.error(Background.message(e)));
        }
    }
}
