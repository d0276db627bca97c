package org.opsbench.security.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.opsbench.security.IssuedToken;
import org.opsbench.workbench.WorkbenchIds;

/** Shows a new token's secret, the only time it is available, with a button that copies it to the clipboard. */
final class SecretDialog extends TitleAreaDialog {

    private final IssuedToken issued;

    SecretDialog(Shell parent, IssuedToken issued) {
        super(parent);
        this.issued = issued;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("API token issued");
        shell.setData(WorkbenchIds.WIDGET_ID, "tokens.secret.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Token '" + issued.token().label() + "' for " + issued.token().user());
        setMessage("Copy the secret now: it is not stored and cannot be shown again. Send it as"
                + " 'Authorization: Bearer <secret>'.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite box = new Composite(area, SWT.NONE);
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        box.setLayout(new GridLayout(2, false));
        Text secret = new Text(box, SWT.BORDER | SWT.READ_ONLY);
        secret.setText(issued.secret());
        secret.setData(WorkbenchIds.WIDGET_ID, "tokens.secret");
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 520;
        secret.setLayoutData(gd);
        secret.selectAll();
        Button copy = new Button(box, SWT.PUSH);
        copy.setText("Copy");
        copy.setData(WorkbenchIds.WIDGET_ID, "tokens.secret.copy");
        copy.addListener(SWT.Selection, e -> {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[]{issued.secret()}, new Transfer[]{TextTransfer.getInstance()});
            } finally {
                clipboard.dispose();
            }
            setMessage("Copied to the clipboard.");
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Close", true);
    }
}
