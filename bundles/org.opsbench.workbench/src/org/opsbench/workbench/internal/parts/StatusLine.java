package org.opsbench.workbench.internal.parts;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.opsbench.cluster.Nodes;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.internal.JobProgressModel;
import org.opsbench.workbench.internal.JobProgressModel.JobRow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The status line: the running user job with its progress (or "Ready"), the database the workbench is on (embedded, or
 * the team database's URL) and who acts in this session.
 */
public class StatusLine {

    @Inject
    UISynchronize ui;

    @Inject
    JobProgressModel model;

    private Label text;
    private ProgressBar bar;
    private Label user;
    private Label database;
    private Principal principal;
    private Nodes nodes;
    private final Runnable listener = () -> ui.asyncExec(this::refresh);

    @PostConstruct
    void create(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(4, false);
        layout.marginHeight = 2;
        line.setLayout(layout);
        text = new Label(line, SWT.NONE);
        text.setLayoutData(new GridData(360, SWT.DEFAULT));
        text.setData(WorkbenchIds.WIDGET_ID, "statusline.text");
        bar = new ProgressBar(line, SWT.SMOOTH);
        bar.setLayoutData(new GridData(160, 14));
        database = new Label(line, SWT.NONE);
        database.setData(WorkbenchIds.WIDGET_ID, "statusline.database");
        user = new Label(line, SWT.NONE);
        user.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        user.setData(WorkbenchIds.WIDGET_ID, "statusline.user");
        showPrincipal(principal);
        showDatabase(nodes);
        model.addListener(listener);
        refresh();
    }

    /** Who acts in this session; the security area replaces the principal when someone logs in. */
    @Inject
    void setPrincipal(@Optional Principal acting) {
        principal = acting;
        showPrincipal(acting);
    }

    /** The cluster service names the database (no I/O: it read the URL when it started). */
    @Inject
    void setNodes(@Optional @Service Nodes shared) {
        nodes = shared;
        showDatabase(shared);
    }

    private void showDatabase(Nodes shared) {
        if (database != null && !database.isDisposed()) {
            database.setText(shared == null
                    ? ""
                    : shared.solo()
                            ? "Database: embedded"
                            : "Database: "
                                    + shared.database() + " (team)");
            database.getParent().layout(true, true);
        }
    }

    private void showPrincipal(Principal acting) {
        if (user != null && !user.isDisposed()) {
            user.setText(acting == null ? "" : "Acting as " + acting.displayName() + " (" + acting.name() + ")");
            user.getParent().layout(true, true);
        }
    }

    @PreDestroy
    void dispose() {
        model.removeListener(listener);
    }

    private void refresh() {
        if (text.isDisposed()) {
            return;
        }
        JobRow busy = model.busiest();
        text.setText(busy == null ? "Ready" : busy.name() + (busy.task().isEmpty() ? "" : ": " + busy.task()));
        bar.setVisible(busy != null);
        bar.setSelection(busy == null || busy.percent() < 0 ? 0 : busy.percent());
    }
}
