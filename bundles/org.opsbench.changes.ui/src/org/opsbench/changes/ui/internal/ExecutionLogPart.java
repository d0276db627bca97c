package org.opsbench.changes.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.changes.ChangeExecution;
import org.opsbench.changes.ExecutionMonitor;
import org.opsbench.changes.ExecutionReport;
import org.opsbench.changes.StepRun;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The execution log of the selected change: every step run on every host with its status and exit code, the output of
 * the chosen run, and Execute / Roll back, which run as a user Job with progress (one unit a step and host) and cancel
 * (the running step is signalled), its output streaming in.
 */
public class ExecutionLogPart {

    @Inject
    UISynchronize ui;
    @Inject
    org.eclipse.e4.ui.model.application.MApplication app;
    @Inject
    Principal principal;
    @Inject
    @Optional
    @Service
    ChangeExecution execution;

    private Composite root;
    private Label header;
    private TableSupport<StepRun> runs;
    private Text output;
    private MessageLine message;
    private Button cancel;
    private String reference;
    private Job running;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        header = new Label(bar, SWT.NONE);
        header.setData(WorkbenchIds.WIDGET_ID, "execution.header");
        header.setText("No change selected");
        header.setLayoutData(new GridData(260, SWT.DEFAULT));
        Buttons.push(bar, "Execute", "execution.execute", () -> start(false));
        Buttons.push(bar, "Roll back", "execution.rollback", () -> start(true));
        cancel = Buttons.push(bar, "Cancel", "execution.cancel", () -> {
            if (running != null) {
                running.cancel();
            }
        });
        cancel.setEnabled(false);
        Buttons.push(bar, "Refresh", "execution.refresh", this::refresh);
        message = new MessageLine(parent, "execution.message");
        runs = new TableSupport<>(parent, "execution.runs");
        runs.column("Phase", 90, r -> r.phase().name())
                .column("Step", 50, r -> Integer.toString(r.step()), Comparator.comparingInt(StepRun::step))
                .column("Host", 140, StepRun::host)
                .column("Status", 90, r -> r.status().name())
                .column("Exit", 50, r -> r.exitCode() < 0 ? "" : Integer.toString(r.exitCode()))
                .column("Started", 130, r -> ChangeViews.time(r.started()))
                .column("Command", 420, StepRun::command);
        runs.colors(3, r -> switch (r.status()) {
            case SUCCEEDED -> new org.eclipse.swt.graphics.Color(root.getDisplay(), 200, 235, 200);
            case FAILED -> new org.eclipse.swt.graphics.Color(root.getDisplay(), 245, 190, 190);
            case CANCELLED -> new org.eclipse.swt.graphics.Color(root.getDisplay(), 250, 220, 170);
        }, r -> null);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 180;
        runs.control().setLayoutData(tableData);
        runs.viewer().addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof StepRun r) {
                output.setText("$ " + r.command() + "\n" + r.output());
            }
        });
        output = new Text(parent, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        output.setData(WorkbenchIds.WIDGET_ID, "execution.output");
        output.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        output.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        if (execution == null) {
            message.error("The changes service (bundle org.opsbench.changes) is not running.");
        }
        if (app.getContext().get(ChangeViews.SELECTED) instanceof String ref) {
            selected(ref);
        }
    }

    @Inject
    @Optional
    void selected(@Named(ChangeViews.SELECTED) String ref) {
        if (root == null || root.isDisposed() || ref == null || ChangeEditorPart.NEW.equals(ref)) {
            return;
        }
        reference = ref;
        header.setText(ref);
        refresh();
    }

    void refresh() {
        ChangeExecution x = execution;
        String ref = reference;
        if (x == null || ref == null) {
            return;
        }
        Background.run(ui, "Reading the execution log of " + ref, false, () -> x.runs(principal, ref),
                (List<StepRun> rows) -> {
                    if (!root.isDisposed()) {
                        runs.setRows(rows);
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void start(boolean rollback) {
        ChangeExecution x = execution;
        String ref = reference;
        if (x == null || ref == null) {
            message.error("Select a change first.");
            return;
        }
        output.setText("");
        cancel.setEnabled(true);
        String what = (rollback ? "Rolling back " : "Executing ") + ref;
        running = Job.create(what, (IProgressMonitor monitor) -> {
            monitor.beginTask(what, IProgressMonitor.UNKNOWN);
            ExecutionMonitor follow = new ExecutionMonitor() {
                @Override
                public void starting(StepRun.Phase phase, int step, int total, String host, String command) {
                    monitor.subTask("step " + step + " of " + total + " on " + host + ": " + command);
                    monitor.worked(1);
                    append("$ [" + host + "] " + command + "\n");
                }

                @Override
                public void output(String chunk) {
                    append(chunk);
                }

                @Override
                public void ended(StepRun run) {
                    append("-> " + run.status() + (run.exitCode() >= 0 ? " (exit " + run.exitCode() + ")" : "")
                            + "\n");
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCanceled();
                }
            };
            try {
                ExecutionReport r = rollback ? x.rollback(principal, ref, follow) : x.execute(principal, ref, follow);
                ui.asyncExec(() -> done(r.reference() + " " + r.phase().name().toLowerCase() + ": " + r.state()
                        + (r.state().name().equals("FAILED") && !rollback ? " - roll back to restore" : ""), false));
            } catch (RuntimeException e) {
                ui.asyncExec(() -> done(Background.message(e), true));
            } finally {
                monitor.done();
            }
            return Status.OK_STATUS;
        });
        running.setUser(true);
        running.schedule();
    }

    private void append(String text) {
        ui.asyncExec(() -> {
            if (!output.isDisposed()) {
                output.append(text);
            }
        });
    }

    private void done(String text, boolean error) {
        if (root.isDisposed()) {
            return;
        }
        cancel.setEnabled(false);
        if (error) {
            message.error(text);
        } else {
            message.info(text);
        }
        refresh();
    }
}
