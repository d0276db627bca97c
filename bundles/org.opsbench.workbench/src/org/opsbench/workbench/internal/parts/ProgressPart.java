package org.opsbench.workbench.internal.parts;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.workbench.internal.JobProgressModel;
import org.opsbench.workbench.internal.JobProgressModel.JobRow;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** Running and recently finished Eclipse Jobs with their task and percentage. */
public class ProgressPart {

    @Inject
    UISynchronize ui;

    @Inject
    JobProgressModel model;

    private TableSupport<JobRow> table;
    private final Runnable listener = () -> ui.asyncExec(this::refresh);

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        table = new TableSupport<>(parent, "progress");
        table.column("Job", 260, JobRow::name).column("Task", 260, JobRow::task)
                .column("Done", 70, r -> r.percent() < 0 ? "" : r.percent() + " %",
                        (a, b) -> Integer.compare(a.percent(), b.percent()))
                .column("State", 200, JobRow::state);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        model.addListener(listener);
        refresh();
    }

    @PreDestroy
    void dispose() {
        model.removeListener(listener);
    }

    private void refresh() {
        if (!table.viewer().getTable().isDisposed()) {
            table.setRows(model.rows());
        }
    }
}
