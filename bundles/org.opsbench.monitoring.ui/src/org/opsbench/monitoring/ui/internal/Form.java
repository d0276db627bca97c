package org.opsbench.monitoring.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.workbench.WorkbenchIds;

/**
 * Rows of label, field and error: the error column says, in red, what is wrong with that field (from the view's own
 * parsing, or from the field an {@code InvalidDefinitionException} names). Fields are keyed by the names the monitoring
 * API uses ({@code address}, {@code parameters.port}); controls are named {@code prefix.key} and their errors
 * {@code prefix.key.error} for UI tests. A nested form holds rows that come and go (a check type's parameters).
 */
final class Form {

    static final int LABEL_WIDTH = 150;

    private final Composite composite;
    private final String prefix;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final List<Form> nested = new ArrayList<>();

    Form(Composite parent, String prefix) {
        this.prefix = prefix;
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        composite.setLayout(layout);
    }

    Composite composite() {
        return composite;
    }

    /** A text field. */
    Text text(String key, String label, String value, String hint) {
        Text t = new Text(row(label), SWT.BORDER);
        t.setText(value == null ? "" : value);
        if (hint != null) {
            t.setMessage(hint);
        }
        return add(key, t);
    }

    /** A text field of several lines. */
    Text lines(String key, String label, String value, int height) {
        Text t = new Text(row(label), SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        t.setText(value == null ? "" : value);
        add(key, t);
        ((GridData) t.getLayoutData()).heightHint = height;
        return t;
    }

    /** A choice; editable combos also take values not listed. */
    Combo choice(String key, String label, List<String> options, String value, boolean editable) {
        Combo c = new Combo(row(label), editable ? SWT.DROP_DOWN : SWT.READ_ONLY);
        c.setItems(options.toArray(String[]::new));
        int index = options.indexOf(value);
        if (index >= 0) {
            c.select(index);
        } else if (editable && value != null) {
            c.setText(value);
        } else if (!options.isEmpty()) {
            c.select(0);
        }
        return add(key, c);
    }

    /** A check box. */
    Button check(String key, String label, boolean value) {
        Button b = new Button(row(label), SWT.CHECK);
        b.setSelection(value);
        return add(key, b);
    }

    /** A row of check boxes, one per option; read with {@link #selected(String)}. */
    Composite checks(String key, String label, List<String> options, java.util.Set<String> selected) {
        Composite box = new Composite(row(label), SWT.NONE);
        org.eclipse.swt.layout.RowLayout layout = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        layout.marginLeft = 0;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        layout.wrap = true;
        box.setLayout(layout);
        for (String option : options) {
            Button b = new Button(box, SWT.CHECK);
            b.setText(option);
            b.setSelection(selected.contains(option));
            b.setData(WorkbenchIds.WIDGET_ID, prefix + "." + key + "." + option);
        }
        add(key, box);
        ((GridData) box.getLayoutData()).widthHint = 260;
        return box;
    }

    /** The options ticked in a row of check boxes. */
    java.util.Set<String> selected(String key) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (field(key) instanceof Composite box) {
            for (Control c : box.getChildren()) {
                if (c instanceof Button b && b.getSelection()) {
                    out.add(b.getText());
                }
            }
        }
        return out;
    }

    /** A heading across the three columns. */
    void section(String title) {
        Label l = new Label(composite, SWT.NONE);
        l.setText(title);
        l.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        gd.verticalIndent = 6;
        l.setLayoutData(gd);
    }

    /** A form inside this one, across its three columns, for rows rebuilt as a whole. */
    Form nested() {
        Form child = new Form(composite, prefix);
        child.composite.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        nested.add(child);
        return child;
    }

    /** Removes every row. */
    void clear() {
        for (Control c : composite.getChildren()) {
            c.dispose();
        }
        fields.clear();
        errors.clear();
        nested.clear();
    }

    private Composite row(String label) {
        Label l = new Label(composite, SWT.NONE);
        l.setText(label + ":");
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = LABEL_WIDTH;
        l.setLayoutData(gd);
        return composite;
    }

    private <C extends Control> C add(String key, C control) {
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        gd.widthHint = control instanceof Button ? SWT.DEFAULT : 260;
        control.setLayoutData(gd);
        control.setData(WorkbenchIds.WIDGET_ID, prefix + "." + key);
        Label error = new Label(composite, SWT.WRAP);
        GridData egd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        egd.widthHint = 320;
        error.setLayoutData(egd);
        error.setForeground(composite.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        error.setData(WorkbenchIds.WIDGET_ID, prefix + "." + key + ".error");
        fields.put(key, control);
        errors.put(key, error);
        return control;
    }

    /** The control of {@code key} here or in a nested form, or null. */
    Control field(String key) {
        Control c = fields.get(key);
        if (c != null) {
            return c;
        }
        for (Form f : nested) {
            Control n = f.field(key);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** The text of a text or combo field, stripped; empty when absent. */
    String value(String key) {
        Control c = field(key);
        if (c instanceof Text t) {
            return t.getText().strip();
        }
        if (c instanceof Combo combo) {
            return combo.getText().strip();
        }
        return "";
    }

    /** Whether a check box is ticked. */
    boolean checked(String key) {
        return field(key) instanceof Button b && b.getSelection();
    }

    /** Shows {@code message} next to {@code key}; false when no such field is shown (say it elsewhere then). */
    boolean error(String key, String message) {
        Label l = errors.get(key);
        if (l != null) {
            l.setText(message);
            l.setToolTipText(message);
            composite.layout(true, true);
            Control c = fields.get(key);
            if (c != null && !c.isDisposed()) {
                c.setFocus();
            }
            return true;
        }
        for (Form f : nested) {
            if (f.error(key, message)) {
                return true;
            }
        }
        return false;
    }

    /** The error shown next to {@code key}, empty when none. */
    String errorOf(String key) {
        Label l = errors.get(key);
        if (l != null) {
            return l.getText();
        }
        for (Form f : nested) {
            String e = f.errorOf(key);
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

    /** Clears every error. */
    void clearErrors() {
        errors.values().forEach(l -> {
            l.setText("");
            l.setToolTipText(null);
        });
        nested.forEach(Form::clearErrors);
    }

    /** A field's value could not be read: which field and why. */
    static final class FieldError extends Exception {

        private static final long serialVersionUID = 1L;

        final String field;

        FieldError(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
