package org.opsbench.workbench.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.workbench.WorkbenchIds;

/**
 * The one-line message under a view's buttons: what the last action did, or in red why it failed. Safe to call after
 * the view was closed (it then does nothing). Expects a parent with a {@code GridLayout}.
 */
public final class MessageLine {

    private final Label label;
    private boolean error;

    /** Creates the line in {@code parent}, named {@code id} for UI tests. */
    public MessageLine(Composite parent, String id) {
        label = new Label(parent, SWT.WRAP);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        label.setData(WorkbenchIds.WIDGET_ID, id);
    }

    /** Shows what happened. */
    public void info(String text) {
        show(text, false);
    }

    /** Shows, in red, what went wrong. */
    public void error(String text) {
        show(text, true);
    }

    /** Whether the line shows an error now. */
    public boolean isError() {
        return error;
    }

    /** The label, for its shell and display. */
    public Label control() {
        return label;
    }

    private void show(String text, boolean isError) {
        if (label.isDisposed()) {
            return;
        }
        label.setText(text);
        label.setForeground(isError ? label.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        error = isError;
        label.getParent().layout(true, true);
    }
}
