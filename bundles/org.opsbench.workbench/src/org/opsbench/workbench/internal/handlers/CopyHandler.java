package org.opsbench.workbench.internal.handlers;

import java.util.StringJoiner;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/** Edit &gt; Copy: copies the selected text, or the selected table rows as tab-separated lines. */
public class CopyHandler {

    @Execute
    void execute(Display display) {
        Control focus = display.getFocusControl();
        if (focus instanceof Text text) {
            text.copy();
        } else if (focus instanceof Table table && table.getSelectionCount() > 0) {
            StringJoiner lines = new StringJoiner(System.lineSeparator());
            for (TableItem item : table.getSelection()) {
                StringJoiner cells = new StringJoiner("\t");
                for (int i = 0; i < Math.max(1, table.getColumnCount()); i++) {
                    cells.add(item.getText(i));
                }
                lines.add(cells.toString());
            }
            Clipboard clipboard = new Clipboard(display);
            try {
                clipboard.setContents(new Object[]{lines.toString()}, new Transfer[]{TextTransfer.getInstance()});
            } finally {
                clipboard.dispose();
            }
        }
    }
}
