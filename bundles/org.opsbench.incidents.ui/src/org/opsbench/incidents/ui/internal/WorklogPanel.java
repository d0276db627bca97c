package org.opsbench.incidents.ui.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.incidents.WorklogEntry;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.TableSupport;

/** The worklog of the ticket editor: the entries (sortable, filterable) and a line to add a comment or work done. */
final class WorklogPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final TicketEditorPart editor;
    private final TableSupport<WorklogEntry> worklog;
    private final Text comment;
    private final Text minutes;

    WorklogPanel(Composite side, TicketEditorPart editor) {
        this.editor = editor;
        new Label(side, SWT.NONE).setText("Worklog:");
        worklog = new TableSupport<>(side, "worklog");
        worklog.column("Time", 120, w -> TIME.format(w.at())).column("By", 110, WorklogEntry::author)
                .column("Text", 320, WorklogEntry::text)
                .column("Spent", 60, w -> w.timeSpent().isZero() ? "" : w.timeSpent().toMinutes() + "m");
        GridData wd = new GridData(SWT.FILL, SWT.FILL, true, true);
        wd.heightHint = 140;
        worklog.control().setLayoutData(wd);
        Composite add = new Composite(side, SWT.NONE);
        add.setLayout(new GridLayout(4, false));
        add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        comment = new Text(add, SWT.BORDER);
        comment.setMessage("comment or work done");
        comment.setData(WorkbenchIds.WIDGET_ID, "ticket.comment");
        comment.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        minutes = new Text(add, SWT.BORDER);
        minutes.setMessage("min");
        minutes.setData(WorkbenchIds.WIDGET_ID, "ticket.minutes");
        minutes.setLayoutData(new GridData(40, SWT.DEFAULT));
        Buttons.push(add, "Add", "ticket.addWorklog", this::add);
    }

    /** Shows {@code entries}. */
    void setRows(List<WorklogEntry> entries) {
        worklog.setRows(entries);
    }

    /** Empty, for a new ticket. */
    void clear() {
        worklog.setRows(List.of());
        comment.setText("");
        minutes.setText("");
    }

    private void add() {
        if (editor.reference() == null) {
            editor.message().error("Save the ticket first.");
            return;
        }
        String ref = editor.reference();
        String text = comment.getText();
        Duration spent;
        try {
            spent = minutes.getText().isBlank()
                    ? Duration.ZERO
                    : Duration.ofMinutes(Long.parseLong(minutes.getText().strip()));
        } catch (NumberFormatException e) {
            editor.message().error("timeSpent: minutes as a number, was '" + minutes.getText() + "'");
            return;
        }
        Background.run(editor.ui, "Adding to the worklog of " + ref, true, () -> {
            editor.incidents.addWorklog(editor.principal, ref, text, spent);
            return ref;
        }, r -> {
            comment.setText("");
            minutes.setText("");
            editor.message().info("Added to the worklog of " + r);
            editor.open(r);
        }, e -> editor.message().error(Background.message(e)));
    }
}
