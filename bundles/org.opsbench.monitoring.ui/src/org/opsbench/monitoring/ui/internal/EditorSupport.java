package org.opsbench.monitoring.ui.internal;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.InvalidDefinitionException;
import org.opsbench.monitoring.MonitoringAdmin;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;

/**
 * What the host, check and rule editors share: the services, the message line, and saving off the UI thread with the
 * refusal shown next to the field it names.
 *
 * @param saved
 *            told the name (or key) of what was saved, to list and select it
 */
record EditorSupport(UISynchronize ui, Supplier<Principal> principal, Supplier<MonitoringAdmin> admin,
        MessageLine message, Consumer<String> saved) {

    /**
     * Runs {@code work} (a service call that saves) as a user Job. A refused definition is shown next to its field (and
     * in the message line, with the field's name); anything else in the message line.
     */
    void save(Form form, String jobName, Callable<?> work, String done, String savedName, Button saveButton) {
        saveButton.setEnabled(false);
        message.info(jobName + " …");
        Background.run(ui, jobName, true, work, result -> {
            if (!saveButton.isDisposed()) {
                saveButton.setEnabled(true);
            }
            message.info(done);
            saved.accept(savedName);
        }, e -> {
            if (!saveButton.isDisposed()) {
                saveButton.setEnabled(true);
            }
            if (e instanceof InvalidDefinitionException refused && !form.composite().isDisposed()) {
                form.error(refused.field(), reason(refused));
                message.error("Not saved: " + refused.getMessage());
            } else {
                message.error("Not saved: " + Background.message(e));
            }
        });
    }

    /** The message of a refusal without its leading {@code field: }. */
    static String reason(InvalidDefinitionException e) {
        String prefix = e.field() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** A read-only look for the name of something that exists (renaming would create another). */
    static void fixed(Text name) {
        name.setEditable(false);
        name.setToolTipText("The name identifies it; create a new one to use another name");
    }

    /** The Save and Revert buttons under a form. */
    static Button[] buttons(Composite parent, String prefix, Runnable save, Runnable revert) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        bar.setLayout(new GridLayout(2, true));
        Button s = Buttons.push(bar, "Save", prefix + ".save", save);
        Button r = Buttons.push(bar, "Revert", prefix + ".revert", revert);
        s.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        r.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return new Button[]{s, r};
    }

    /** An integer field; empty is {@code fallback}. */
    static int integer(Form form, String key, int fallback) throws Form.FieldError {
        String v = form.value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Form.FieldError(key, "a whole number, was '" + v + "'");
        }
    }

    /** A duration field; empty is {@code null} (the definition's default). */
    static java.time.Duration duration(Form form, String key) throws Form.FieldError {
        try {
            return Durations.parse(form.value(key));
        } catch (IllegalArgumentException e) {
            throw new Form.FieldError(key, e.getMessage());
        }
    }

    /** A text field; empty is {@code null}. */
    static String optional(Form form, String key) {
        String v = form.value(key);
        return v.isEmpty() ? null : v;
    }
}
