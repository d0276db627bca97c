package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.opsbench.security.ApiTokens;
import org.opsbench.security.TokenException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The API tokens view: a token issued through the "New token…" dialog shows its secret once (copied by the button), is
 * listed without it, authenticates as its user, and is refused once revoked from the view.
 */
class ApiTokensUiTest {

    private static final String PART = "org.opsbench.security.ui.part.tokens";

    @Test
    void aTokenIssuedInTheDialogShowsItsSecretOnceIsListedAndIsRefusedAfterRevoke() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ApiTokensUiTest.class).getBundleContext();
        String label = "ui-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        AtomicReference<String> secret = new AtomicReference<>();
        AtomicReference<String> copied = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RunningWorkbench.run(s -> {
            MPart part = Ui.show(s, PART);
            Control root = (Control) part.getWidget();
            Display display = s.display();
            Ui.type(root, "tokens.user", "admin");
            Ui.press(root, "tokens.show");
            Ui.answer(display, "form.New API token", form -> {
                SecurityUiTest.set(form, "form.label", label);
                Ui.choose(form, "form.days", "30");
            });
            display.timerExec(500, new Runnable() {
                int tries;

                @Override
                public void run() {
                    Shell dialog = SecurityUiTest.shellNamed(display, "tokens.secret.dialog");
                    if (dialog == null) {
                        if (++tries < 200) {
                            display.timerExec(100, this);
                        }
                        return;
                    }
                    try {
                        secret.set(((Text) Ui.find(dialog, "tokens.secret")).getText());
                        Ui.press(dialog, "tokens.secret.copy");
                        Clipboard clipboard = new Clipboard(display);
                        copied.set((String) clipboard.getContents(TextTransfer.getInstance()));
                        clipboard.dispose();
                        s.screenshot(dialog, "security-token-secret");
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                    SecurityUiTest.buttonLabelled(dialog, "Close").notifyListeners(SWT.Selection, new Event());
                }
            });
            Ui.press(root, "tokens.new");
            Table table = Ui.find(root, "tokens.table");
            Label message = Ui.find(root, "tokens.message");
            try {
                s.waitUntil("the token listed", 30_000,
                        () -> secret.get() != null && Ui.rows(table).stream().anyMatch(r -> r.contains(label)));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the view says: " + message.getText(), e);
            }
            assertEquals(null, failure.get());
            assertTrue(secret.get().startsWith("obt_"), secret.get());
            assertEquals(secret.get(), copied.get(), "the Copy button puts the secret on the clipboard");
            List<String> row = Ui.rows(table).stream().filter(r -> r.contains(label)).findFirst().orElseThrow();
            assertEquals("active", row.get(2));
            for (List<String> r : Ui.rows(table)) {
                assertFalse(String.join(" ", r).contains(secret.get().substring(17)), "the list shows no secret");
            }
            try {
                assertEquals("admin", tokens(context).authenticate(secret.get()).name());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Ui.type(root, "tokens.filter", label);
            s.waitUntil("only the new token shown", 10_000, () -> table.getItemCount() == 1);
            table.select(0);
            table.notifyListeners(SWT.Selection, new Event());
            Ui.confirm(display, "Revoke API token");
            Ui.press(root, "tokens.revoke");
            s.waitUntil("the token revoked", 30_000,
                    () -> table.getItemCount() == 1 && table.getItem(0).getText(2).equals("revoked"));
            try {
                s.screenshot(root.getShell(), "security-tokens");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        TokenException refused = assertThrows(TokenException.class, () -> tokens(context).authenticate(secret.get()));
        assertEquals(TokenException.Reason.REVOKED, refused.reason());
    }

    private static ApiTokens tokens(BundleContext context) throws InterruptedException {
        ServiceTracker<ApiTokens, ApiTokens> tracker = new ServiceTracker<>(context, ApiTokens.class, null);
        tracker.open();
        try {
            ApiTokens tokens = tracker.waitForService(20_000);
            assertNotNull(tokens, "ApiTokens");
            return tokens;
        } finally {
            tracker.close();
        }
    }
}
