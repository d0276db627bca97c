package org.opsbench.security.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.opsbench.workbench.WorkbenchIds;

/**
 * A small form in a dialog: text, password, choice and checklist fields, validated before it closes. The validator
 * returns the message to show (naming the field) or {@code null}. Values: {@code String} for text and choice,
 * {@code char[]} for passwords (the caller wipes them), {@code Set<String>} for checklists.
 */
final class FormDialog extends TitleAreaDialog {

    private enum Kind {
        TEXT, PASSWORD, CHOICE, CHECKS
    }

    private record Field(String key, String label, Kind kind, List<String> options, Set<String> initial) {
    }

    private final String title;
    private final String description;
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Function<Map<String, Object>, String> validator = v -> null;

    FormDialog(Shell parent, String title, String description) {
        super(parent);
        this.title = title;
        this.description = description;
    }

    FormDialog text(String key, String label, String initial) {
        fields.add(new Field(key, label, Kind.TEXT, List.of(), initial == null ? Set.of() : Set.of(initial)));
        return this;
    }

    FormDialog password(String key, String label) {
        fields.add(new Field(key, label, Kind.PASSWORD, List.of(), Set.of()));
        return this;
    }

    FormDialog choice(String key, String label, List<String> options, String initial) {
        fields.add(new Field(key, label, Kind.CHOICE, options, initial == null ? Set.of() : Set.of(initial)));
        return this;
    }

    FormDialog checks(String key, String label, List<String> options, Set<String> checked) {
        fields.add(new Field(key, label, Kind.CHECKS, options, checked));
        return this;
    }

    FormDialog validate(Function<Map<String, Object>, String> check) {
        validator = check;
        return this;
    }

    /** Opens the form; the values, or {@code null} when cancelled. */
    Map<String, Object> ask() {
        return open() == OK ? values : null;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        shell.setData(WorkbenchIds.WIDGET_ID, "form." + title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(description);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));
        for (Field f : fields) {
            Label label = new Label(form, SWT.NONE);
            label.setText(f.label() + ":");
            label.setLayoutData(new GridData(SWT.LEFT, f.kind() == Kind.CHECKS ? SWT.TOP : SWT.CENTER, false, false));
            Control c = switch (f.kind()) {
                case TEXT -> {
                    Text t = new Text(form, SWT.BORDER);
                    f.initial().stream().findFirst().ifPresent(t::setText);
                    yield t;
                }
                case PASSWORD -> new Text(form, SWT.BORDER | SWT.PASSWORD);
                case CHOICE -> {
                    Combo combo = new Combo(form, SWT.READ_ONLY);
                    combo.setItems(f.options().toArray(String[]::new));
                    combo.select(Math.max(0, f.options().indexOf(f.initial().stream().findFirst().orElse(""))));
                    yield combo;
                }
                case CHECKS -> {
                    Table table = new Table(form, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
                    for (String option : f.options()) {
                        TableItem item = new TableItem(table, SWT.NONE);
                        item.setText(option);
                        item.setChecked(f.initial().contains(option));
                    }
                    GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
                    gd.heightHint = 120;
                    table.setLayoutData(gd);
                    yield table;
                }
            };
            if (f.kind() != Kind.CHECKS) {
                GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
                gd.widthHint = 300;
                c.setLayoutData(gd);
            }
            c.setData(WorkbenchIds.WIDGET_ID, "form." + f.key());
            controls.put(f.key(), c);
        }
        return area;
    }

    private static Object valueOf(Field f, Control c) {
        switch (f.kind()) {
            case TEXT :
                return ((Text) c).getText().trim();
            case PASSWORD :
                return ((Text) c).getTextChars();
            case CHOICE :
                return ((Combo) c).getText();
            default :
                Set<String> checked = new java.util.TreeSet<>();
                for (TableItem item : ((Table) c).getItems()) {
                    if (item.getChecked()) {
                        checked.add(item.getText());
                    }
                }
                return checked;
        }
    }

    @Override
    protected void okPressed() {
        values.clear();
        for (Field f : fields) {
            // a local first: ECJ emits an invalid stack map for a switch expression with loops used as an argument
            Object value = valueOf(f, controls.get(f.key()));
            values.put(f.key(), value);
        }
        String problem = validator.apply(values);
        if (problem != null) {
            setErrorMessage(problem);
            return;
        }
        super.okPressed();
    }
}
