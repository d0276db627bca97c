package org.opsbench.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;
import org.opsbench.workbench.WorkbenchIds;

/** Driving views the way an operator does, by the names views give their widgets. */
final class Ui {

    private Ui() {
    }

    static MWindow window(RunningWorkbench.Session s) {
        EModelService models = s.application().getContext().get(EModelService.class);
        return (MWindow) models.find(WorkbenchIds.WINDOW_MAIN, s.application());
    }

    static MPart show(RunningWorkbench.Session s, String partId) {
        MPart part = window(s).getContext().get(EPartService.class).showPart(partId, PartState.ACTIVATE);
        assertNotNull(part.getWidget(), partId + " rendered");
        return part;
    }

    @SuppressWarnings("unchecked")
    static <T extends Widget> T find(Control root, String id) {
        Widget w = RunningWorkbench.find(root, id);
        assertNotNull(w, "widget " + id);
        return (T) w;
    }

    static void press(Control root, String id) {
        Button b = find(root, id);
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** Flips a toggle or check button as a click would, and tells its listeners. */
    static void toggle(Control root, String id, boolean on) {
        Button b = find(root, id);
        b.setSelection(on);
        b.notifyListeners(SWT.Selection, new Event());
    }

    static void type(Control root, String id, String text) {
        Text t = find(root, id);
        t.setText(text);
    }

    static void choose(Control root, String id, String item) {
        Combo c = find(root, id);
        int index = List.of(c.getItems()).indexOf(item);
        if (index < 0) {
            throw new AssertionError(id + " has no item '" + item + "': " + List.of(c.getItems()));
        }
        c.select(index);
        c.notifyListeners(SWT.Selection, new Event());
    }

    /** The rows of a table as the texts of their cells. */
    static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < table.getColumnCount(); c++) {
                cells.add(item.getText(c));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The items of a table keyed by the texts of two columns joined with a slash. */
    static Map<String, TableItem> byKey(Table table, int first, int second) {
        Map<String, TableItem> out = new LinkedHashMap<>();
        for (TableItem item : table.getItems()) {
            out.put(item.getText(first) + "/" + item.getText(second), item);
        }
        return out;
    }

    /** Answers the dialog named {@code id} (a FormDialog of the monitoring views) from a timer: fill, then OK. */
    static void answer(Display display, String shellId, java.util.function.Consumer<Shell> fill) {
        display.timerExec(300, new Runnable() {
            int tries;

            @Override
            public void run() {
                Shell dialog = SecurityUiTest.shellNamed(display, shellId);
                if (dialog == null) {
                    if (++tries < 100) {
                        display.timerExec(100, this);
                    }
                    return;
                }
                fill.accept(dialog);
                SecurityUiTest.buttonLabelled(dialog, "OK").notifyListeners(SWT.Selection, new Event());
            }
        });
    }

    /** Presses OK in the first visible shell titled {@code title} (a JFace message dialog), from a timer. */
    static void confirm(Display display, String title) {
        display.timerExec(300, new Runnable() {
            int tries;

            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (title.equals(shell.getText()) && shell.isVisible()) {
                        SecurityUiTest.buttonLabelled(shell, "OK").notifyListeners(SWT.Selection, new Event());
                        return;
                    }
                }
                if (++tries < 100) {
                    display.timerExec(100, this);
                }
            }
        });
    }
}
