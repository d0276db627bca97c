package org.opsbench.workbench.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.opsbench.workbench.WorkbenchIds;

/** Push buttons of the views' button bars, named for UI tests. */
public final class Buttons {

    private Buttons() {
    }

    /** A push button labelled {@code label}, named {@code id}, running {@code action} when selected. */
    public static Button push(Composite parent, String label, String id, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.setData(WorkbenchIds.WIDGET_ID, id);
        Listener listener = (Event e) -> action.run();
        b.addListener(SWT.Selection, listener);
        return b;
    }
}
