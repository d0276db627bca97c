package org.opsbench.security.ui.internal;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.core.security.AuditRecord;
import org.opsbench.security.AuditQuery;
import org.opsbench.security.AuditTrail;
import org.opsbench.security.ChainVerification;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The audit trail: search by period, principal and object, sort and filter the result, verify the hash chain, and
 * export what is shown to CSV.
 */
public class AuditPart {

    static final int LIMIT = 5000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String[] PERIODS = {"last hour", "last 24 hours", "last 7 days", "last 30 days",
            "everything"};

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    AuditTrail trail;

    private Combo period;
    private Text who;
    private Text object;
    private MessageLine message;
    private TableSupport<AuditRecord> table;

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(9, false));
        new Label(bar, SWT.NONE).setText("Period:");
        period = new Combo(bar, SWT.READ_ONLY);
        period.setItems(PERIODS);
        period.select(1);
        new Label(bar, SWT.NONE).setText("Principal:");
        who = new Text(bar, SWT.BORDER);
        who.setLayoutData(new GridData(110, SWT.DEFAULT));
        new Label(bar, SWT.NONE).setText("Object:");
        object = new Text(bar, SWT.BORDER);
        object.setMessage("type or type:id");
        object.setLayoutData(new GridData(140, SWT.DEFAULT));
        Buttons.push(bar, "Search", "audit.search", this::search);
        Buttons.push(bar, "Verify chain", "audit.verify", this::verify);
        Buttons.push(bar, "Export CSV…", "audit.export", this::export);
        message = new MessageLine(parent, "audit.message");
        table = new TableSupport<>(parent, "audit");
        table.column("#", 60, r -> Long.toString(r.sequence()), Comparator.comparingLong(AuditRecord::sequence))
                .column("Time", 140, r -> TIME.format(r.time()), Comparator.comparing(AuditRecord::time))
                .column("Principal", 120, r -> r.entry().principal().name())
                .column("Action", 170, r -> r.entry().action()).column("Object", 180, AuditPart::objectOf)
                .column("Summary", 420, r -> r.entry().summary());
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.sortBy(0);
        table.sortBy(0); // newest first
        search();
    }

    private static String objectOf(AuditRecord r) {
        String type = r.entry().objectType() == null ? "" : r.entry().objectType();
        return r.entry().objectId() == null ? type : type + ":" + r.entry().objectId();
    }

    AuditQuery query() {
        Instant now = Instant.now();
        Instant from = switch (period.getSelectionIndex()) {
            case 0 -> now.minus(1, ChronoUnit.HOURS);
            case 1 -> now.minus(1, ChronoUnit.DAYS);
            case 2 -> now.minus(7, ChronoUnit.DAYS);
            case 3 -> now.minus(30, ChronoUnit.DAYS);
            default -> null;
        };
        String o = object.getText().trim();
        String type = o.isEmpty() ? null : o.split(":", 2)[0];
        String id = o.contains(":") ? o.split(":", 2)[1] : null;
        String p = who.getText().trim();
        return new AuditQuery(from, null, p.isEmpty() ? null : p, type, id, LIMIT);
    }

    void search() {
        if (trail == null) {
            show("The security service is not running.", true);
            return;
        }
        AuditQuery q = query();
        Background.run(ui, "Searching the audit log", false, () -> trail.search(principal, q),
                (List<AuditRecord> rows) -> {
                    if (!table.viewer().getTable().isDisposed()) {
                        table.setRows(rows);
                        show(rows.size() + (rows.size() == LIMIT ? "+ records (narrow the search)" : " records"),
                                false);
                    }
                }, error -> show(Background.message(error), true));
    }

    private void verify() {
        if (trail == null) {
            return;
        }
        show("Verifying the hash chain …", false);
        Background.run(ui, "Verifying the audit hash chain", true, () -> trail.verify(principal),
                (ChainVerification v) -> show(v.intact()
                        ? "Chain intact: " + v.checked() + " records verified."
                        : "Chain BROKEN at record " + v.firstBadSequence() + ": " + v.problem(), !v.intact()),
                error -> show(Background.message(error), true));
    }

    private void export() {
        if (trail == null) {
            return;
        }
        FileDialog dialog = new FileDialog(message.control().getShell(), SWT.SAVE);
        dialog.setFileName("opsbench-audit.csv");
        dialog.setFilterExtensions(new String[]{"*.csv"});
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        AuditQuery q = query();
        Background.run(ui, "Exporting the audit log", true, () -> {
            try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
                return trail.exportCsv(principal, q, out);
            }
        }, (Long n) -> show("Exported " + n + " records to " + file, false),
                error -> show(Background.message(error), true));
    }

    private void show(String text, boolean error) {
        if (error) {
            message.error(text);
        } else {
            message.info(text);
        }
    }
}
