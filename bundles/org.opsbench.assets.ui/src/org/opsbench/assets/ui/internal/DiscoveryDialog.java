package org.opsbench.assets.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.opsbench.assets.Discovery;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.MessageLine;

/**
 * Asks for the targets (names, addresses, {@code a.b.c.10-20} ranges) and the probe's settings, then runs the discovery
 * as a user Job: one unit of progress per target, cancellable between targets; the outcome goes to the explorer's
 * message line.
 */
final class DiscoveryDialog extends Dialog {

    private final Discovery discovery;
    private final Principal principal;
    private final MessageLine message;
    private final UISynchronize ui;
    private Text targets;
    private Combo probe;
    private Text user;
    private Text credential;
    private Text port;
    private Spinner parallelism;

    DiscoveryDialog(Shell shell, Discovery discovery, Principal principal, MessageLine message, UISynchronize ui) {
        super(shell);
        this.discovery = discovery;
        this.principal = principal;
        this.message = message;
        this.ui = ui;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Discover hosts");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText("Targets:");
        targets = new Text(area, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.WRAP);
        GridData big = new GridData(SWT.FILL, SWT.FILL, true, true);
        big.widthHint = 360;
        big.heightHint = 80;
        targets.setLayoutData(big);
        targets.setMessage("web-01 web-02 10.0.0.10-20");
        targets.setData(WorkbenchIds.WIDGET_ID, "discovery.targets");
        new Label(area, SWT.NONE).setText("Probe:");
        probe = new Combo(area, SWT.READ_ONLY);
        discovery.probes().forEach(p -> probe.add(p.id()));
        if (probe.getItemCount() > 0) {
            probe.select(0);
        }
        user = text(area, "SSH user:", "discovery.user", "");
        credential = text(area, "Vault alias of the key:", "discovery.credential", "");
        port = text(area, "SSH port:", "discovery.port", "22");
        new Label(area, SWT.NONE).setText("At once:");
        parallelism = new Spinner(area, SWT.BORDER);
        parallelism.setValues(10, 1, 64, 0, 1, 5);
        parallelism.setData(WorkbenchIds.WIDGET_ID, "discovery.parallelism");
        return area;
    }

    private static Text text(Composite parent, String label, String id, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setText(value);
        t.setData(WorkbenchIds.WIDGET_ID, id);
        return t;
    }

    @Override
    protected void okPressed() {
        List<String> given = List.of(targets.getText());
        String probeId = probe.getText();
        Map<String, String> parameters = Map.of("user", user.getText().strip(), "credential",
                credential.getText().strip(), "port", port.getText().strip());
        int atOnce = parallelism.getSelection();
        Job job = new Job("Discovering hosts") {
            @Override
            protected org.eclipse.core.runtime.IStatus run(IProgressMonitor monitor) {
                try {
                    monitor.beginTask("Discovering", IProgressMonitor.UNKNOWN);
                    List<Discovery.TargetResult> results = discovery.run(principal, probeId, given, parameters,
                            atOnce, new Discovery.Progress() {
                                @Override
                                public void finished(int done, int total, Discovery.TargetResult last) {
                                    monitor.subTask(done + " of " + total + ": " + last.target()
                                            + (last.ok() ? "" : " failed"));
                                    monitor.worked(1);
                                }

                                @Override
                                public boolean cancelled() {
                                    return monitor.isCanceled();
                                }
                            });
                    long ok = results.stream().filter(Discovery.TargetResult::ok).count();
                    String failed = results.stream().filter(r -> !r.ok()).map(r -> r.target() + ": " + r.error())
                            .findFirst().orElse("");
                    ui.asyncExec(() -> message.info("Discovered " + ok + " of " + results.size() + " targets"
                            + (failed.isEmpty() ? "." : "; first failure " + failed)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    ui.asyncExec(() -> message.error(e.getMessage()));
                } finally {
                    monitor.done();
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        super.okPressed();
    }
}
