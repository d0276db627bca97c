package org.opsbench.security.ops.ui.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.security.ops.Finding;
import org.opsbench.security.ops.FindingStatus;
import org.opsbench.security.ops.RiskLevel;
import org.opsbench.security.ops.SecurityOperations;
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
 * Vulnerability findings: filter by minimum severity, host and CVE or package text, sortable; accept a risk with a
 * reason and an expiry, or reopen it.
 */
public class FindingsPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    SecurityOperations ops;

    private Composite root;
    private MessageLine message;
    private Combo severity;
    private Text host;
    private Button showFixed;
    private TableSupport<Finding> table;
    private List<Finding> all = List.of();
    private volatile boolean disposed;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(9, false));
        new Label(bar, SWT.NONE).setText("Severity at least");
        severity = new Combo(bar, SWT.READ_ONLY);
        for (RiskLevel r : RiskLevel.values()) {
            severity.add(r.name().toLowerCase(Locale.ROOT));
        }
        severity.select(0);
        severity.setData(WorkbenchIds.WIDGET_ID, "secops.findings.severity");
        severity.addListener(SWT.Selection, e -> show());
        new Label(bar, SWT.NONE).setText("Host");
        host = new Text(bar, SWT.BORDER);
        host.setMessage("host name");
        host.setLayoutData(new GridData(140, SWT.DEFAULT));
        host.setData(WorkbenchIds.WIDGET_ID, "secops.findings.host");
        host.addListener(SWT.Modify, e -> show());
        showFixed = new Button(bar, SWT.CHECK);
        showFixed.setText("Show fixed");
        showFixed.setData(WorkbenchIds.WIDGET_ID, "secops.findings.fixed");
        showFixed.addListener(SWT.Selection, e -> show());
        Buttons.push(bar, "Accept risk...", "secops.findings.accept", this::accept);
        Buttons.push(bar, "Reopen", "secops.findings.reopen", this::reopen);
        Buttons.push(bar, "Refresh", "secops.findings.refresh", this::refresh);
        message = new MessageLine(parent, "secops.findings.message");
        table = new TableSupport<>(parent, "secops.findings");
        table.filter().setMessage("Filter: CVE, advisory, package, host...");
        table.column("Severity", 72, f -> f.risk().name(), Comparator.comparing(Finding::risk))
                .column("Score", 45, f -> f.score() < 0 ? "" : String.format("%.1f", f.score()),
                        Comparator.comparingDouble(Finding::score))
                .column("Host", 105, Finding::host).column("Package", 120, Finding::packageName)
                .column("Installed", 125, Finding::installed)
                .column("Fixed in", 125, f -> f.fixed().isEmpty() ? "no fix known" : f.fixed())
                .column("Advisory", 105, Finding::advisoryId)
                .column("CVE", 115, f -> String.join(" ", f.aliases()))
                .column("Status", 80, f -> f.status().name())
                .column("First seen", 120, f -> Texts.time(f.firstSeen()), Comparator.comparing(Finding::firstSeen))
                .column("Accepted until", 120, f -> f.status() == FindingStatus.ACCEPTED
                        ? Texts.time(f.acceptedUntil())
                        : "")
                .column("Reason", 200, Finding::acceptedReason);
        table.colors(0, f -> Texts.risk(f.risk()), f -> null);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(1);
        table.sortBy(1); // highest score first
        table.filter().addListener(SWT.Modify, e -> count());
        if (ops == null) {
            message.error("The security operations service (bundle org.opsbench.security.ops) is not running.");
        }
        refresh();
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    /** A security event: read the findings again. */
    @Inject
    @Optional
    void securityEvent(@EventTopic("org/opsbench/security/VULNERABILITY_FOUND") Event event) {
        if (!disposed && root != null) {
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    void refresh() {
        if (ops == null || disposed || root.isDisposed()) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Reading vulnerability findings", false, () -> s.findings(principal),
                (List<Finding> rows) -> {
                    if (!root.isDisposed()) {
                        all = rows;
                        show();
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void show() {
        RiskLevel min = RiskLevel.values()[Math.max(0, severity.getSelectionIndex())];
        String h = host.getText().strip().toLowerCase(Locale.ROOT);
        table.setRows(all.stream().filter(f -> f.risk().compareTo(min) >= 0)
                .filter(f -> h.isEmpty() || f.host().toLowerCase(Locale.ROOT).contains(h))
                .filter(f -> showFixed.getSelection() || f.status() != FindingStatus.FIXED).toList());
        count();
    }

    private void count() {
        long open = all.stream().filter(f -> f.status() == FindingStatus.OPEN).count();
        long critical = all.stream().filter(f -> f.status() == FindingStatus.OPEN && f.risk() == RiskLevel.CRITICAL)
                .count();
        long shown = table.viewer().getTable().getItemCount();
        message.info(shown + " shown; " + open + " open (" + critical + " critical), "
                + all.stream().filter(f -> f.status() == FindingStatus.ACCEPTED).count() + " accepted");
    }

    private Finding selected() {
        Object first = ((IStructuredSelection) table.viewer().getSelection()).getFirstElement();
        if (first == null) {
            message.error("Select a finding first.");
        }
        return (Finding) first;
    }

    private void accept() {
        Finding f = selected();
        if (f == null || ops == null) {
            return;
        }
        AcceptRiskDialog dialog = new AcceptRiskDialog(root.getShell(), f);
        if (dialog.open() != Window.OK) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Accepting the risk of " + f.advisoryId(), true,
                () -> s.acceptRisk(principal, f.id(), dialog.reason(), dialog.until()), done -> {
                    message.info("Accepted " + done.advisoryId() + " on " + done.host() + " until "
                            + Texts.time(done.acceptedUntil()));
                    refresh();
                }, e -> message.error(Background.message(e)));
    }

    private void reopen() {
        Finding f = selected();
        if (f == null || ops == null) {
            return;
        }
        SecurityOperations s = ops;
        Background.run(ui, "Reopening " + f.advisoryId(), true, () -> s.reopen(principal, f.id()), done -> refresh(),
                e -> message.error(Background.message(e)));
    }
}
