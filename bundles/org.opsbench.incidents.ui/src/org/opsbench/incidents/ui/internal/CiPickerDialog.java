package org.opsbench.incidents.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.CiRef;
import org.opsbench.core.cmdb.ConfigurationItems;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.TableSupport;

/**
 * Picks configuration items from the CMDB ({@link ConfigurationItems}): search by name and type (as a Job, again while
 * typing), select one or more, OK. The ticket editor offers it when a CMDB is running; without one ids are typed.
 */
final class CiPickerDialog extends Dialog {

    private static final int LIMIT = 200;

    private final UISynchronize ui;
    private final ConfigurationItems items;
    private Text name;
    private Text type;
    private Label status;
    private TableSupport<CiRef> table;
    private List<CiRef> picked = List.of();
    private int round;

    CiPickerDialog(Shell parent, UISynchronize ui, ConfigurationItems items) {
        super(parent);
        this.ui = ui;
        this.items = items;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Configuration items");
        shell.setData(WorkbenchIds.WIDGET_ID, "dialog.incidents.ci");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(5, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(c, SWT.NONE).setText("Name:");
        name = new Text(c, SWT.BORDER);
        name.setMessage("part of the name");
        name.setData(WorkbenchIds.WIDGET_ID, "ci.name");
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(c, SWT.NONE).setText("Type:");
        type = new Text(c, SWT.BORDER);
        type.setMessage("any type");
        type.setData(WorkbenchIds.WIDGET_ID, "ci.type");
        GridData td = new GridData(SWT.FILL, SWT.CENTER, false, false);
        td.widthHint = 100;
        type.setLayoutData(td);
        Buttons.push(c, "Search", "ci.search", this::search);
        name.addListener(SWT.Modify, e -> searchSoon());
        type.addListener(SWT.Modify, e -> searchSoon());
        table = new TableSupport<>(c, "ci");
        table.column("Name", 220, CiRef::name).column("Type", 110, CiRef::type).column("Id", 160, CiRef::id);
        GridData tg = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        tg.heightHint = 260;
        tg.widthHint = 520;
        table.control().setLayoutData(tg);
        status = new Label(c, SWT.NONE);
        status.setData(WorkbenchIds.WIDGET_ID, "ci.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        search();
        return area;
    }

    private void searchSoon() {
        int mine = ++round;
        name.getDisplay().timerExec(300, () -> {
            if (mine == round && !name.isDisposed()) {
                search();
            }
        });
    }

    private void search() {
        int mine = ++round;
        String text = name.getText().strip();
        String t = type.getText().strip();
        status.setText("Searching...");
        Background.run(ui, "Searching configuration items", false,
                () -> items.search(t.isEmpty() ? null : t, text, LIMIT), (List<CiRef> found) -> {
                    if (status.isDisposed() || mine != round) {
                        return;
                    }
                    table.setRows(found);
                    status.setText(found.size() + (found.size() == LIMIT ? "+" : "") + " items");
                }, e -> {
                    if (!status.isDisposed()) {
                        status.setText(Background.message(e));
                    }
                });
    }

    @Override
    protected void okPressed() {
        List<CiRef> out = new ArrayList<>();
        for (Object o : table.viewer().getStructuredSelection().toList()) {
            out.add((CiRef) o);
        }
        picked = List.copyOf(out);
        super.okPressed();
    }

    /**
     * The ids {@code typed} (separated by commas, semicolons or blanks) followed by those of {@code picked}, once each.
     */
    static String merged(String typed, List<CiRef> picked) {
        Set<String> ids = new LinkedHashSet<>(List.of(typed.split("[,;\\s]+")));
        ids.remove("");
        picked.forEach(c -> ids.add(c.id()));
        return String.join(", ", ids);
    }

    /** The items selected when OK was pressed. */
    List<CiRef> picked() {
        return picked;
    }
}
