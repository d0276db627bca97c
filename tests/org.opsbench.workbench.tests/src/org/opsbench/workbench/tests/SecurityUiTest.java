package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsbench.core.Principal;
import org.opsbench.workbench.WorkbenchIds;

/** The security area in the workbench: a real login, then a user created through the Users and Roles view. */
class SecurityUiTest {

    @AfterEach
    void backToSingleUser() throws Exception {
        SecurityFixture.singleUser(true);
    }

    @Test
    void loginRefusesAWrongPasswordThenAdminCreatesAUser() throws Exception {
        SecurityFixture.singleUser(false);
        Path file = Path.of(System.getProperty("opsbench.workspace"), "security", "initial-admin-password");
        assertTrue(Files.exists(file), "first start wrote the initial admin password to " + file);
        String adminPassword = Files.readString(file).trim();
        List<String> loginMessages = new ArrayList<>();
        Display display = Display.getDefault();
        // the login dialog opens before the window and blocks: answer it from timers
        display.timerExec(500, new Runnable() {
            int attempt;

            @Override
            public void run() {
                Shell login = shellNamed(display, "login.dialog");
                if (login == null) {
                    display.timerExec(200, this);
                    return;
                }
                set(login, "login.user", "admin");
                set(login, "login.password", attempt == 0 ? "certainly-not-it" : adminPassword);
                press(login, "login.ok");
                if (!login.isDisposed()) {
                    loginMessages.add(((Label) RunningWorkbench.find(login, "login.message")).getText());
                    attempt++;
                    display.timerExec(200, this);
                }
            }
        });

        RunningWorkbench.runAsConfigured(s -> {
            assertEquals(List.of("Wrong login or password."), loginMessages);
            Principal principal = s.application().getContext().get(Principal.class);
            assertEquals("admin", principal.name());
            Label acting = (Label) s.find((Shell) ((MWindow) s.application().getChildren().get(0)).getWidget(),
                    "statusline.user");
            assertEquals("Acting as " + principal.displayName() + " (admin)", acting.getText());

            EModelService models = s.application().getContext().get(EModelService.class);
            MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, s.application());
            MPart users = window.getContext().get(EPartService.class).showPart("org.opsbench.security.ui.part.users",
                    PartState.ACTIVATE);
            Control root = (Control) users.getWidget();
            s.waitUntil("the admin user listed", 20_000, () -> rows(s, root, "users.table").contains("admin"));

            // the workspace outlives a build without 'clean': a login of its own for this run
            String login = "alice" + Long.toString(System.nanoTime(), 36);
            AtomicReference<String> formError = new AtomicReference<>();
            display.timerExec(300, new Runnable() {
                @Override
                public void run() {
                    Shell form = shellNamed(display, "form.New user");
                    if (form == null) {
                        display.timerExec(200, this);
                        return;
                    }
                    set(form, "form.login", login);
                    set(form, "form.name", "Alice Operator");
                    set(form, "form.email", "alice@example.org");
                    set(form, "form.password", "correct horse battery");
                    set(form, "form.repeat", "correct horse battery");
                    Button ok = buttonLabelled(form, "OK");
                    ok.notifyListeners(SWT.Selection, new Event());
                    if (!form.isDisposed()) {
                        formError.set("form stayed open");
                        form.close();
                    }
                }
            });
            Button newUser = (Button) s.find(root, "users.new");
            newUser.notifyListeners(SWT.Selection, new Event());
            assertEquals(null, formError.get());
            Label message = (Label) s.find(root, "users.message");
            try {
                s.waitUntil(login + " listed", 20_000, () -> rows(s, root, "users.table").contains(login));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the view says: " + message.getText(), e);
            }
            assertEquals("Created user " + login, message.getText());
            try {
                s.screenshot(root.getShell(), "security-users");
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            // the creation is in the audit trail, and the trail verifies
            MPart audit = window.getContext().get(EPartService.class).showPart("org.opsbench.security.ui.part.audit",
                    PartState.ACTIVATE);
            Control auditRoot = (Control) audit.getWidget();
            s.waitUntil("the audit record of the new user", 20_000,
                    () -> columnContains(s, auditRoot, "audit.table", 4, login));
            ((Button) s.find(auditRoot, "audit.verify")).notifyListeners(SWT.Selection, new Event());
            Label verdict = (Label) s.find(auditRoot, "audit.message");
            s.waitUntil("the chain verdict", 20_000, () -> verdict.getText().startsWith("Chain "));
            assertTrue(verdict.getText().startsWith("Chain intact: "), verdict.getText());
            try {
                s.screenshot(auditRoot.getShell(), "security-audit");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void vaultViewStoresASecretAndListsOnlyItsAlias() throws Exception {
        String alias = "db/" + Long.toString(System.nanoTime(), 36);
        String secret = "s3cret-" + Long.toString(System.nanoTime(), 36);
        RunningWorkbench.run(s -> {
            EModelService models = s.application().getContext().get(EModelService.class);
            MWindow window = (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, s.application());
            MPart vault = window.getContext().get(EPartService.class).showPart("org.opsbench.security.ui.part.vault",
                    PartState.ACTIVATE);
            Control root = (Control) vault.getWidget();
            Display display = s.display();
            display.timerExec(300, new Runnable() {
                @Override
                public void run() {
                    Shell form = shellNamed(display, "form.Store a secret");
                    if (form == null) {
                        display.timerExec(200, this);
                        return;
                    }
                    set(form, "form.alias", alias);
                    set(form, "form.description", "reporting database");
                    set(form, "form.value", secret);
                    buttonLabelled(form, "OK").notifyListeners(SWT.Selection, new Event());
                }
            });
            ((Button) s.find(root, "vault.add")).notifyListeners(SWT.Selection, new Event());
            Label message = (Label) s.find(root, "vault.message");
            try {
                s.waitUntil(alias + " listed", 20_000, () -> rows(s, root, "vault.table").contains(alias));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the view says: " + message.getText(), e);
            }
            Table table = (Table) s.find(root, "vault.table");
            for (TableItem item : table.getItems()) {
                for (int c = 0; c < table.getColumnCount(); c++) {
                    assertTrue(!item.getText(c).contains(secret), "the view never shows a secret's value");
                }
            }
            assertTrue(columnContains(s, root, "vault.table", 1, "PASSWORD"));
            try {
                s.screenshot(root.getShell(), "security-vault");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static List<String> rows(RunningWorkbench.Session s, Control root, String id) {
        List<String> logins = new ArrayList<>();
        Table table = (Table) s.find(root, id);
        if (table != null) {
            for (TableItem item : table.getItems()) {
                logins.add(item.getText(0));
            }
        }
        return logins;
    }

    private static boolean columnContains(RunningWorkbench.Session s, Control root, String id, int column,
            String text) {
        Table table = (Table) s.find(root, id);
        if (table != null) {
            for (TableItem item : table.getItems()) {
                if (item.getText(column).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Shell shellNamed(Display display, String id) {
        for (Shell shell : display.getShells()) {
            if (id.equals(shell.getData(WorkbenchIds.WIDGET_ID)) && shell.isVisible()) {
                return shell;
            }
        }
        return null;
    }

    static void set(Shell shell, String id, String text) {
        Text field = (Text) RunningWorkbench.find(shell, id);
        assertNotNull(field, id);
        field.setText(text);
    }

    static void press(Shell shell, String id) {
        ((Button) RunningWorkbench.find(shell, id)).notifyListeners(SWT.Selection, new Event());
    }

    static Button buttonLabelled(Control root, String label) {
        if (root instanceof Button b && label.equals(b.getText())) {
            return b;
        }
        if (root instanceof org.eclipse.swt.widgets.Composite c) {
            for (Control child : c.getChildren()) {
                Button b = buttonLabelled(child, label);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }
}
