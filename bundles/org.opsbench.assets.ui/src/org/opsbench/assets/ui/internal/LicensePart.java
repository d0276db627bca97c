package org.opsbench.assets.ui.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.opsbench.assets.LifecycleReports;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Licenses against the installations discovery found (over-used ones first, in red), and the warranties and licenses
 * that end within the chosen number of days.
 */
public class LicensePart {

    private record Both(List<LifecycleReports.Compliance> compliance, List<LifecycleReports.Expiry> expiring) {
    }

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    LifecycleReports reports;

    private Composite root;
    private Spinner days;
    private MessageLine message;
    private TableSupport<LifecycleReports.Compliance> licenses;
    private TableSupport<LifecycleReports.Expiry> expiring;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        new Label(bar, SWT.NONE).setText("Ending within days:");
        days = new Spinner(bar, SWT.BORDER);
        days.setValues(90, 0, 3650, 0, 1, 30);
        days.setData(WorkbenchIds.WIDGET_ID, "licenses.days");
        Buttons.push(bar, "Refresh", "licenses.refresh", this::refresh);
        message = new MessageLine(parent, "licenses.message");
        new Label(parent, SWT.NONE).setText("License compliance");
        licenses = new TableSupport<>(parent, "licenses");
        licenses.column("License", 200, c -> c.license().name())
                .column("Product (package)", 160, LifecycleReports.Compliance::product)
                .column("Entitled", 80, c -> Long.toString(c.entitlements()),
                        Comparator.comparingLong(LifecycleReports.Compliance::entitlements))
                .column("Installed", 80, c -> Long.toString(c.installations()),
                        Comparator.comparingLong(LifecycleReports.Compliance::installations))
                .column("Status", 110, c -> c.compliant()
                        ? "compliant"
                        : "over by "
                                + (c.installations() - c.entitlements()))
                .column("Installed on", 400, c -> String.join(", ", c.installedOn()));
        licenses.colors(4, c -> c.compliant() ? null : new Color(255, 200, 200), c -> null);
        GridData licenseData = new GridData(SWT.FILL, SWT.FILL, true, true);
        licenseData.heightHint = 110;
        licenses.control().setLayoutData(licenseData);
        new Label(parent, SWT.NONE).setText("Warranties and licenses ending");
        expiring = new TableSupport<>(parent, "expiring");
        expiring.column("Item", 220, e -> e.item().name()).column("Type", 120, e -> e.item().type())
                .column("What", 90, LifecycleReports.Expiry::what)
                .column("Ends", 100, e -> e.ends().toString(), Comparator.comparing(LifecycleReports.Expiry::ends))
                .column("Days left", 90, e -> Long.toString(e.daysLeft()),
                        Comparator.comparingLong(LifecycleReports.Expiry::daysLeft));
        expiring.colors(4, e -> e.daysLeft() < 0 ? new Color(255, 200, 200) : new Color(255, 235, 180), e -> null);
        // both tables ask for the same height, so that neither squeezes the other out
        GridData expiringData = new GridData(SWT.FILL, SWT.FILL, true, true);
        expiringData.heightHint = 110;
        expiring.control().setLayoutData(expiringData);
        expiring.sortBy(4);
        if (reports == null) {
            message.error("The assets service (bundle org.opsbench.assets) is not running.");
        }
        refresh();
    }

    void refresh() {
        if (reports == null || root.isDisposed()) {
            return;
        }
        LifecycleReports r = reports;
        int within = days.getSelection();
        Background.run(ui, "Reading licenses and expiry", false,
                () -> new Both(r.compliance(principal), r.expiring(principal, within)), (Both b) -> {
                    if (!root.isDisposed()) {
                        licenses.setRows(b.compliance());
                        expiring.setRows(b.expiring());
                        long over = b.compliance().stream().filter(c -> !c.compliant()).count();
                        message.info(b.compliance().size() + " licenses, " + over + " over-used; "
                                + b.expiring().size() + " ending within " + within + " days");
                    }
                }, e -> message.error(Background.message(e)));
    }
}
