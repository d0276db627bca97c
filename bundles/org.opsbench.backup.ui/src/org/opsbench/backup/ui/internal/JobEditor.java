package org.opsbench.backup.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.opsbench.backup.InvalidDefinitionException;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.Retention;
import org.opsbench.backup.SourceKind;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.MessageLine;

/**
 * Creates or changes a backup job. The schedule field shows the next five run times as it is typed; a refusal of the
 * service is shown beside the field it names and the dialog stays open.
 */
final class JobEditor extends Dialog {

    /** Saves the job; throws the service's refusal. */
    interface Saver {
        void save(JobDefinition job);
    }

    private final JobDefinition initial;
    private final List<String> targets;
    private final Saver saver;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private MessageLine message;
    private Label nextRuns;
    private Label nextDrills;
    private JobDefinition saved;

    JobEditor(Shell parent, JobDefinition initial, List<String> targets, Saver saver) {
        super(parent);
        this.initial = initial;
        this.targets = targets;
        this.saver = saver;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(initial == null ? "New backup job" : "Backup job " + initial.name());
        shell.setData(WorkbenchIds.WIDGET_ID, "dialog.backup.job");
    }

    private Text text(Composite c, String id, String label, String value, int style, String tip) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, style == SWT.MULTI ? SWT.TOP : SWT.CENTER, false, false));
        Text t = new Text(c, SWT.BORDER | (style == SWT.MULTI ? SWT.MULTI | SWT.V_SCROLL : SWT.SINGLE));
        t.setText(value == null ? "" : value);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 250;
        if (style == SWT.MULTI) {
            d.heightHint = 48;
        }
        t.setLayoutData(d);
        t.setToolTipText(tip);
        t.setData(WorkbenchIds.WIDGET_ID, "job." + id);
        fields.put(id, t);
        return t;
    }

    private Combo combo(Composite c, String id, String label, List<String> items, String value) {
        new Label(c, SWT.NONE).setText(label);
        Combo combo = new Combo(c, SWT.READ_ONLY);
        combo.setItems(items.toArray(String[]::new));
        combo.select(Math.max(0, items.indexOf(value)));
        combo.setData(WorkbenchIds.WIDGET_ID, "job." + id);
        fields.put(id, combo);
        return combo;
    }

    private Button check(Composite c, String id, String label, boolean value) {
        new Label(c, SWT.NONE);
        Button b = new Button(c, SWT.CHECK);
        b.setText(label);
        b.setSelection(value);
        b.setData(WorkbenchIds.WIDGET_ID, "job." + id);
        fields.put(id, b);
        return b;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite columns = new Composite(area, SWT.NONE);
        columns.setLayout(new GridLayout(2, true));
        columns.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(columns, SWT.NONE);
        left.setLayout(new GridLayout(2, false));
        left.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite right = new Composite(columns, SWT.NONE);
        right.setLayout(new GridLayout(2, false));
        right.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite c = left;
        JobDefinition j = initial;
        Text name = text(c, "name", "Name:", j == null ? "" : j.name(), SWT.SINGLE, "letters, digits, . _ -");
        name.setEditable(j == null);
        text(c, "description", "Description:", j == null ? "" : j.description(), SWT.SINGLE, "");
        combo(c, "source", "Source:", List.of("PATHS", "COMMAND", "DATABASE"),
                j == null ? "PATHS" : j.source().name());
        text(c, "host", "Host:", j == null ? "" : j.host(), SWT.SINGLE, "host name or address, over SSH");
        text(c, "port", "SSH port:", j == null ? "22" : Integer.toString(j.port()), SWT.SINGLE, "");
        text(c, "user", "SSH user:", j == null ? "" : j.user(), SWT.SINGLE, "");
        text(c, "credentialAlias", "Credential:", j == null ? "" : j.credentialAlias(), SWT.SINGLE,
                "vault alias of the password or private key");
        text(c, "paths", "Paths:", j == null ? "" : String.join("\n", j.paths()), SWT.MULTI,
                "absolute paths, one per line (PATHS source)");
        text(c, "command", "Command:", j == null ? "" : j.command(), SWT.SINGLE,
                "its standard output is the backup (COMMAND source)");
        text(c, "ciId", "Protects CI:", j == null ? "" : j.ciId(), SWT.SINGLE, "id of the configuration item");
        check(c, "enabled", "Enabled (runs on its schedule)", j == null || j.enabled());
        c = right;
        combo(c, "target", "Target:", targets, j == null ? "local-dir" : j.target());
        StringBuilder settings = new StringBuilder();
        if (j != null) {
            j.targetSettings().forEach((k, v) -> settings.append(k).append('=').append(v).append('\n'));
        }
        text(c, "targetSettings", "Target settings:", settings.toString().strip(), SWT.MULTI,
                "key=value, one per line, for example folder=/srv/backups");
        Text schedule = text(c, "schedule", "Schedule (cron):", j == null ? "0 2 * * *" : j.schedule(), SWT.SINGLE,
                "minute hour day month weekday, for example 30 2 * * MON-FRI; empty: on demand");
        Text zone = text(c, "timeZone", "Time zone:", j == null
                ? java.time.ZoneId.systemDefault().getId()
                : j.timeZone(), SWT.SINGLE, "for example Europe/Berlin");
        new Label(c, SWT.NONE);
        nextRuns = new Label(c, SWT.WRAP);
        nextRuns.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        nextRuns.setData(WorkbenchIds.WIDGET_ID, "job.nextRuns");
        check(c, "compress", "Compress (gzip)", j == null || j.compress());
        text(c, "encryptionKeyAlias", "Encryption key:", j == null ? "" : j.encryptionKeyAlias(), SWT.SINGLE,
                "vault alias of a 32-byte AES key; empty: not encrypted");
        Retention r = j == null ? new Retention(7, 7, 4, 12, 1) : j.retention();
        text(c, "retention", "Retention:", r.keepLast() + " " + r.daily() + " " + r.weekly() + " " + r.monthly() + " "
                + r.yearly(), SWT.SINGLE, "keep last, daily, weekly, monthly, yearly (0 0 0 0 0 keeps all)");
        Text drill = text(c, "drillSchedule", "Drill schedule:", j == null ? "" : j.drillSchedule(), SWT.SINGLE,
                "cron of restore drills; empty: none");
        new Label(c, SWT.NONE);
        nextDrills = new Label(c, SWT.WRAP);
        nextDrills.setData(WorkbenchIds.WIDGET_ID, "job.nextDrills");
        message = new MessageLine(area, "job.message");
        message.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Runnable update = () -> {
            nextRuns.setText(Texts.nextFive(schedule.getText(), zone.getText()));
            nextDrills.setText(drill.getText().isBlank()
                    ? "no drills"
                    : Texts.nextFive(drill.getText(),
                            zone.getText()).replace("next runs", "next drills"));
            columns.layout(true, true);
        };
        schedule.addModifyListener(e -> update.run());
        zone.addModifyListener(e -> update.run());
        drill.addModifyListener(e -> update.run());
        update.run();
        return area;
    }

    private String value(String id) {
        Control c = fields.get(id);
        return c instanceof Text t ? t.getText().trim() : c instanceof Combo k ? k.getText() : "";
    }

    private boolean flag(String id) {
        return ((Button) fields.get(id)).getSelection();
    }

    /** The job as entered; a malformed number or retention names its field. */
    JobDefinition read() {
        int port;
        try {
            port = value("port").isEmpty() ? 22 : Integer.parseInt(value("port"));
        } catch (NumberFormatException e) {
            throw new InvalidDefinitionException("port", "not a number: " + value("port"));
        }
        String[] keep = value("retention").split("\\s+");
        if (keep.length != 5) {
            throw new InvalidDefinitionException("retention", "five numbers: last, daily, weekly, monthly, yearly");
        }
        int[] k = new int[5];
        for (int i = 0; i < 5; i++) {
            try {
                k[i] = Integer.parseInt(keep[i]);
            } catch (NumberFormatException e) {
                throw new InvalidDefinitionException("retention", "not a number: " + keep[i]);
            }
        }
        List<String> paths = new ArrayList<>();
        for (String p : value("paths").split("\\R")) {
            if (!p.isBlank()) {
                paths.add(p.trim());
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : value("targetSettings").split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            } else if (!line.isBlank()) {
                throw new InvalidDefinitionException("targetSettings", "key=value expected, was '" + line + "'");
            }
        }
        return new JobDefinition(value("name"), value("description"), SourceKind.valueOf(value("source")),
                value("host"), port, value("user"), value("credentialAlias"), paths, value("command"),
                value("target"), settings, value("schedule"), value("timeZone"), flag("compress"),
                value("encryptionKeyAlias"), new Retention(k[0], k[1], k[2], k[3], k[4]), value("drillSchedule"),
                value("ciId"), flag("enabled"));
    }

    @Override
    protected void okPressed() {
        try {
            JobDefinition job = read();
            saver.save(job);
            saved = job;
            super.okPressed();
        } catch (InvalidDefinitionException e) {
            String field = e.field().contains(".")
                    ? e.field().substring(0, e.field().indexOf('.'))
                    : e.field().replaceAll("\\[\\d+]$", "");
            message.error(e.getMessage());
            Control c = fields.get(field);
            if (c != null) {
                c.setFocus();
            }
        } catch (RuntimeException e) {
            message.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "OK", true);
        createButton(parent, IDialogConstants.CANCEL_ID, "Cancel", false);
    }

    /** What was saved, after OK. */
    JobDefinition saved() {
        return saved;
    }
}
