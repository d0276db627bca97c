package org.opsbench.monitoring.ui.internal;

import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.opsbench.workbench.WorkbenchIds;

/**
 * A {@link Form} in a dialog. {@code accept} reads the fields when OK is pressed and returns whether the dialog may
 * close; when not, it has put the error next to the field. The shell is named {@code dialog.<id>} for UI tests.
 */
final class FormDialog extends TitleAreaDialog {

    private final String id;
    private final String title;
    private final String description;
    private final Consumer<Form> build;
    private final Predicate<Form> accept;
    private Form form;

    FormDialog(Shell parent, String id, String title, String description, Consumer<Form> build,
            Predicate<Form> accept) {
        super(parent);
        this.id = id;
        this.title = title;
        this.description = description;
        this.build = build;
        this.accept = accept;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        shell.setData(WorkbenchIds.WIDGET_ID, "dialog." + id);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(description);
        Composite area = (Composite) super.createDialogArea(parent);
        form = new Form(area, id);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.horizontalIndent = 10;
        form.composite().setLayoutData(gd);
        build.accept(form);
        return area;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void okPressed() {
        form.clearErrors();
        if (accept.test(form)) {
            super.okPressed();
        } else {
            setErrorMessage("Correct the fields marked in red.");
        }
    }
}
