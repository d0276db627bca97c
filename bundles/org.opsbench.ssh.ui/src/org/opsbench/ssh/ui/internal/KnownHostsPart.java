package org.opsbench.ssh.ui.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.core.security.NotAllowedException;
import org.opsbench.ssh.HostKey;
import org.opsbench.ssh.RemoteShell;
import org.opsbench.ssh.SshException;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The SSH host keys Opsbench trusts. A new host is scanned, its fingerprint shown for the operator to compare with the
 * host's own, and only then trusted. Scans, approvals and removals run as Jobs; every change goes through
 * {@link RemoteShell}, which checks permissions and audits it.
 */
public class KnownHostsPart {

    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    RemoteShell shell;

    private Text host;
    private Text port;
    private MessageLine message;
    private TableSupport<HostKey> table;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(7, false));
        new Label(bar, SWT.NONE).setText("Host:");
        host = new Text(bar, SWT.BORDER);
        host.setMessage("name or address");
        host.setLayoutData(new GridData(200, SWT.DEFAULT));
        host.setData(WorkbenchIds.WIDGET_ID, "knownhosts.host");
        new Label(bar, SWT.NONE).setText("Port:");
        port = new Text(bar, SWT.BORDER);
        port.setText("22");
        port.setLayoutData(new GridData(50, SWT.DEFAULT));
        port.setData(WorkbenchIds.WIDGET_ID, "knownhosts.port");
        Button scan = Buttons.push(bar, "Scan and trust…", "knownhosts.scan", this::scanAndTrust);
        Button remove = Buttons.push(bar, "Remove", "knownhosts.remove", this::removeSelected);
        Buttons.push(bar, "Refresh", "knownhosts.refresh", this::refresh);
        message = new MessageLine(parent, "knownhosts.message");

        table = new TableSupport<>(parent, "knownhosts");
        table.column("Host", 220, HostKey::host)
                .column("Port", 60, k -> Integer.toString(k.port()), Comparator.comparingInt(HostKey::port))
                .column("Key type", 150, HostKey::type).column("Fingerprint (SHA-256)", 460, HostKey::fingerprint);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);

        if (shell == null) {
            show("The SSH service (bundle org.opsbench.ssh) is not running.", true);
            scan.setEnabled(false);
            remove.setEnabled(false);
        }
        refresh();
    }

    /** Reloads the list in the background. */
    void refresh() {
        if (shell == null) {
            return;
        }
        Job job = Job.create("Reading SSH known hosts", monitor -> {
            List<HostKey> keys = shell.knownHosts();
            ui.asyncExec(() -> {
                if (!table.viewer().getTable().isDisposed()) {
                    table.setRows(keys);
                    if (!message.isError()) {
                        show(keys.size() + (keys.size() == 1 ? " trusted host key" : " trusted host keys"), false);
                    }
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void scanAndTrust() {
        String h = host.getText().trim();
        if (h.isEmpty() || h.contains(" ")) {
            show("Host: enter a host name or address (no spaces).", true);
            host.setFocus();
            return;
        }
        int p;
        try {
            p = Integer.parseInt(port.getText().trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            show("Port: enter a number from 1 to 65535, got '" + port.getText().trim() + "'.", true);
            port.setFocus();
            return;
        }
        int target = p;
        show("Scanning " + h + ":" + target + " …", false);
        Job scan = new Job("Scanning the SSH host key of " + h + ":" + target) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask("Connecting to " + h + ":" + target, IProgressMonitor.UNKNOWN);
                try {
                    HostKey offered = shell.scanHostKey(h, target, SCAN_TIMEOUT);
                    ui.asyncExec(() -> confirm(offered));
                } catch (SshException e) {
                    ui.asyncExec(() -> show("Scan failed: " + e.getMessage(), true));
                } finally {
                    monitor.done();
                }
                return Status.OK_STATUS;
            }
        };
        scan.setUser(true);
        scan.schedule();
    }

    private void confirm(HostKey offered) {
        if (message.control().isDisposed()) {
            return;
        }
        boolean trust = MessageDialog.openQuestion(message.control().getShell(), "Trust this host key?",
                offered.host() + ":" + offered.port() + " offers a " + offered.type() + " key with fingerprint\n\n"
                        + offered.fingerprint() + "\n\nCompare it with the host's own, for example the output of\n"
                        + "ssh-keygen -lf /etc/ssh/ssh_host_" + keyFile(offered.type()) + "_key.pub\n"
                        + "run on the host, before you trust it.");
        if (!trust) {
            show("Not trusted: " + offered.host() + ":" + offered.port(), false);
            return;
        }
        Job approve = Job.create("Trusting the host key of " + offered.host() + ":" + offered.port(), monitor -> {
            try {
                shell.approveHostKey(principal, offered.host(), offered.port(), offered.fingerprint());
                ui.asyncExec(() -> show("Trusted " + offered.host() + ":" + offered.port() + " ("
                        + offered.fingerprint() + ")", false));
            } catch (NotAllowedException | IllegalArgumentException | IllegalStateException e) {
                ui.asyncExec(() -> show("Not trusted: " + e.getMessage(), true));
            }
            ui.asyncExec(this::refresh);
            return Status.OK_STATUS;
        });
        approve.setUser(true);
        approve.schedule();
    }

    private void removeSelected() {
        IStructuredSelection selection = table.viewer().getStructuredSelection();
        if (selection.isEmpty()) {
            show("Select the host keys to remove.", true);
            return;
        }
        List<?> picked = selection.toList();
        List<HostKey> keys = picked.stream().map(HostKey.class::cast).toList();
        if (!MessageDialog.openConfirm(message.control().getShell(), "Remove host keys",
                "Stop trusting " + keys.size() + (keys.size() == 1 ? " host key" : " host keys")
                        + "? Connections to these hosts are refused until their key is trusted again.")) {
            return;
        }
        Job job = Job.create("Removing SSH host keys", monitor -> {
            for (HostKey k : keys) {
                try {
                    shell.removeHostKey(principal, k.host(), k.port());
                } catch (NotAllowedException e) {
                    ui.asyncExec(() -> show("Not removed: " + e.getMessage(), true));
                }
            }
            ui.asyncExec(this::refresh);
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    private void show(String text, boolean error) {
        if (error) {
            message.error(text);
        } else {
            message.info(text);
        }
    }

    private static String keyFile(String type) {
        return switch (type) {
            case "ssh-ed25519" -> "ed25519";
            case "ssh-rsa", "rsa-sha2-256", "rsa-sha2-512" -> "rsa";
            default -> type.startsWith("ecdsa") ? "ecdsa" : "ed25519";
        };
    }
}
