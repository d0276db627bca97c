package org.opsbench.monitoring.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/** The context menu of the status board's rows; items apply to the selection and are enabled when they make sense. */
final class BoardMenu {

    private final StatusBoardPart board;

    BoardMenu(StatusBoardPart board) {
        this.board = board;
    }

    Menu create(Control owner) {
        Menu menu = new Menu(owner);
        MenuItem run = item(menu, "Run now",
                () -> board.actions().runNow(StatusBoardPart.keys(board.selected())));
        MenuItem ack = item(menu, "Acknowledge…",
                () -> board.actions().acknowledge(board.root().getShell(), board.selected()));
        MenuItem unack = item(menu, "Remove acknowledgement",
                () -> board.actions().removeAcknowledgement(board.selected()));
        MenuItem downtime = item(menu, "Schedule downtime…", () -> board.actions()
                .scheduleDowntime(board.root().getShell(), StatusBoardPart.keys(board.selected())));
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem detail = item(menu, "Open detail", board::openDetail);
        menu.addListener(SWT.Show, e -> {
            List<BoardRow> rows = board.selected();
            int n = rows.size();
            run.setText(n > 1 ? "Run " + n + " checks now" : "Run now");
            run.setEnabled(n > 0);
            ack.setEnabled(rows.stream().anyMatch(r -> r.state().isProblem() && r.acknowledgement() == null));
            unack.setEnabled(rows.stream().anyMatch(r -> r.acknowledgement() != null));
            downtime.setEnabled(n > 0);
            detail.setEnabled(n == 1);
        });
        return menu;
    }

    private static MenuItem item(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }
}
