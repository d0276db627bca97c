package org.opsbench.incidents.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.incidents.Attachment;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.TableSupport;

/**
 * The attachments of the ticket editor: the list (name, size, added by, when; sortable, filterable), a file to add
 * (typed or chosen with the file dialog) within the size limit shown, save as and remove. Reading, storing and writing
 * files run as Jobs.
 */
final class AttachmentsPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final TicketEditorPart editor;
    private final Label limit;
    private final TableSupport<Attachment> table;
    private final Text file;
    private long limitBytes = -1;

    AttachmentsPanel(Composite side, TicketEditorPart editor) {
        this.editor = editor;
        Composite head = new Composite(side, SWT.NONE);
        head.setLayout(new GridLayout(2, false));
        head.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(head, SWT.NONE).setText("Attachments:");
        limit = new Label(head, SWT.NONE);
        limit.setData(WorkbenchIds.WIDGET_ID, "ticket.attachments.limit");
        limit.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new TableSupport<>(side, "attachments");
        table.column("Name", 220, Attachment::name)
                .column("Size", 90, a -> size(a.size()), Comparator.comparingLong(Attachment::size))
                .column("Added by", 110, Attachment::author)
                .column("When", 120, a -> TIME.format(a.at()), Comparator.comparing(Attachment::at));
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 90;
        table.control().setLayoutData(td);
        Composite add = new Composite(side, SWT.NONE);
        add.setLayout(new GridLayout(5, false));
        add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        file = new Text(add, SWT.BORDER);
        file.setMessage("file to attach");
        file.setData(WorkbenchIds.WIDGET_ID, "ticket.attachments.file");
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Buttons.push(add, "Browse...", "ticket.attachments.browse", this::browse);
        Buttons.push(add, "Attach", "ticket.attachments.add", this::attach);
        Buttons.push(add, "Save as...", "ticket.attachments.saveAs", this::saveAs);
        Buttons.push(add, "Remove", "ticket.attachments.remove", this::remove);
        readLimit();
    }

    /** Bytes as B, KiB or MiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    private void readLimit() {
        IncidentsAdmin admin = editor.admin;
        if (admin == null) {
            return;
        }
        Background.run(editor.ui, "Reading the attachment limit", false,
                () -> admin.settings(editor.principal).attachmentLimit(), (Long bytes) -> {
                    if (!limit.isDisposed()) {
                        limitBytes = bytes;
                        limit.setText("at most " + size(bytes) + " each");
                        limit.getParent().layout();
                    }
                }, e -> {
                });
    }

    /** Shows {@code rows}. */
    void setRows(List<Attachment> rows) {
        table.setRows(rows);
    }

    /** Empty, for a new ticket. */
    void clear() {
        table.setRows(List.of());
        file.setText("");
    }

    private Attachment selected() {
        return table.viewer().getStructuredSelection().getFirstElement() instanceof Attachment a ? a : null;
    }

    private void browse() {
        FileDialog dialog = new FileDialog(file.getShell(), SWT.OPEN);
        dialog.setText("Attach a file");
        String chosen = dialog.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }

    private void attach() {
        String ref = editor.reference();
        if (ref == null) {
            editor.message().error("Save the ticket first.");
            return;
        }
        if (file.getText().isBlank()) {
            browse();
            if (file.getText().isBlank()) {
                return;
            }
        }
        Path path = Path.of(file.getText().strip());
        long max = limitBytes;
        Incidents service = editor.incidents;
        Background.run(editor.ui, "Attaching " + path.getFileName() + " to " + ref, true, () -> {
            long size = Files.size(path);
            if (max > 0 && size > max) {
                throw new IOException(path.getFileName() + " has " + size(size) + ", more than the limit of "
                        + size(max));
            }
            String type = Files.probeContentType(path);
            return service.attach(editor.principal, ref, path.getFileName().toString(), type, Files.readAllBytes(path));
        }, (Attachment a) -> {
            file.setText("");
            editor.message().info("Attached " + a.name() + " (" + size(a.size()) + ") to " + ref);
            editor.open(ref);
        }, e -> editor.message().error("Not attached: " + Background.message(e)));
    }

    private void saveAs() {
        Attachment a = selected();
        if (a == null) {
            editor.message().error("Select an attachment to save.");
            return;
        }
        FileDialog dialog = new FileDialog(file.getShell(), SWT.SAVE);
        dialog.setText("Save " + a.name() + " as");
        dialog.setFileName(a.name());
        dialog.setOverwrite(true);
        String target = dialog.open();
        if (target != null) {
            saveTo(a, Path.of(target));
        }
    }

    /** Writes the content of {@code a} to {@code target} in a Job. */
    void saveTo(Attachment a, Path target) {
        Incidents service = editor.incidents;
        Background.run(editor.ui, "Saving " + a.name(), true, () -> {
            Files.write(target, service.attachmentContent(editor.principal, a.id()));
            return target;
        }, p -> editor.message().info("Saved " + a.name() + " as " + p),
                e -> editor.message().error("Not saved: " + Background.message(e)));
    }

    private void remove() {
        Attachment a = selected();
        String ref = editor.reference();
        if (a == null || ref == null) {
            editor.message().error("Select an attachment to remove.");
            return;
        }
        Incidents service = editor.incidents;
        Background.run(editor.ui, "Removing " + a.name() + " from " + ref, true, () -> {
            service.removeAttachment(editor.principal, a.id());
            return a;
        }, r -> {
            editor.message().info("Removed " + r.name() + " from " + ref);
            editor.open(ref);
        }, e -> editor.message().error("Not removed: " + Background.message(e)));
    }
}
