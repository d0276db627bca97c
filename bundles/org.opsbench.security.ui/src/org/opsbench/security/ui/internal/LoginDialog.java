package org.opsbench.security.ui.internal;

import java.util.Arrays;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.security.Authentication;
import org.opsbench.security.LoginException;
import org.opsbench.security.LoginFailure;
import org.opsbench.workbench.WorkbenchIds;

/** Login and password; stays open on a failed attempt, saying why without telling which accounts exist. */
public final class LoginDialog extends Dialog {

    /** Widget id of the dialog shell, for UI tests. */
    public static final String SHELL_ID = "login.dialog";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Authentication authentication;
    private Text login;
    private Text password;
    private Label message;
    private Principal principal;

    private LoginDialog(Authentication authentication) {
        super((Shell) null);
        this.authentication = authentication;
    }

    /** Shows the dialog until a login succeeds; {@code null} when the user cancels. */
    static Principal ask(Authentication authentication) {
        LoginDialog dialog = new LoginDialog(authentication);
        return dialog.open() == OK ? dialog.principal : null;
    }

    /** Tells the user that nobody can log in because the security service is not running. */
    static void securityUnavailable() {
        MessageDialog.openError(null, "Opsbench",
                "The security service (bundle org.opsbench.security) is not running, so nobody can log in. "
                        + "See the log in <workspace>/logs.");
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Log in to Opsbench");
        shell.setData(WorkbenchIds.WIDGET_ID, SHELL_ID);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        // a heading of its own: without a window manager (kiosk, Xvfb) the title bar is not shown
        Label heading = new Label(area, SWT.NONE);
        heading.setText("Log in to Opsbench");
        heading.setFont(JFaceResources.getBannerFont());
        heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        new Label(area, SWT.NONE).setText("Login:");
        login = new Text(area, SWT.BORDER);
        login.setLayoutData(new GridData(260, SWT.DEFAULT));
        login.setData(WorkbenchIds.WIDGET_ID, "login.user");
        new Label(area, SWT.NONE).setText("Password:");
        password = new Text(area, SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(260, SWT.DEFAULT));
        password.setData(WorkbenchIds.WIDGET_ID, "login.password");
        message = new Label(area, SWT.WRAP);
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        wide.widthHint = 340;
        message.setLayoutData(wide);
        message.setData(WorkbenchIds.WIDGET_ID, "login.message");
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Log in", true).setData(WorkbenchIds.WIDGET_ID, "login.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        String user = login.getText().trim();
        if (user.isEmpty()) {
            show("Login: enter your login name.");
            login.setFocus();
            return;
        }
        char[] secret = password.getTextChars();
        password.setText("");
        Principal[] result = new Principal[1];
        LoginException[] failure = new LoginException[1];
        // hashing is deliberately slow: keep the dialog responsive while it runs
        BusyIndicator.showWhile(getShell().getDisplay(), () -> {
            try {
                result[0] = authentication.login(user, secret);
            } catch (LoginException e) {
                failure[0] = e;
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
        if (result[0] != null) {
            principal = result[0];
            super.okPressed();
            return;
        }
        show(switch (failure[0].failure()) {
            case LoginFailure.InvalidCredentials c -> "Wrong login or password.";
            case LoginFailure.Locked l -> "Too many failed attempts: try again after " + TIME.format(l.until()) + ".";
            case LoginFailure.Disabled d -> "This account is disabled. Ask an administrator.";
        });
        password.setFocus();
    }

    private void show(String text) {
        message.setText(text);
        message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        message.getParent().layout(true, true);
    }
}
