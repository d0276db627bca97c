package org.opsbench.backup.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.opsbench.backup.JobDefinition;
import org.opsbench.backup.ManifestEntry;
import org.opsbench.backup.RestoreRequest;
import org.opsbench.backup.RunRecord;
import org.opsbench.workbench.WorkbenchIds;

/**
 * Restores a run's archive in two steps: where (the original location, or another folder, optionally on another host)
 * and what (all, or chosen top-level members). The request goes back to the view, which runs it as a Job.
 */
final class RestoreWizard extends Wizard {

    private final JobDefinition job;
    private final RunRecord run;
    private final List<ManifestEntry> manifest;
    private Button original;
    private Text destination;
    private Text host;
    private Text user;
    private Text credential;
    private Table members;
    private RestoreRequest request;

    RestoreWizard(JobDefinition job, RunRecord run, List<ManifestEntry> manifest) {
        this.job = job;
        this.run = run;
        this.manifest = manifest;
        setWindowTitle("Restore run " + run.id() + " of " + job.name());
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(new WizardPage("where", "Where to restore", null) {
            @Override
            public void createControl(Composite parent) {
                setDescription(run.archive() + " (" + Texts.bytes(run.bytes()) + ", " + run.files() + " files)");
                Composite c = new Composite(parent, SWT.NONE);
                c.setLayout(new GridLayout(2, false));
                boolean database = job.source() == org.opsbench.backup.SourceKind.DATABASE;
                original = new Button(c, SWT.RADIO);
                original.setText(database
                        ? "(a database is restored into a new folder, never over the live one)"
                        : "To the original location on " + job.host());
                original.setEnabled(!database);
                original.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                original.setData(WorkbenchIds.WIDGET_ID, "restore.original");
                Button other = new Button(c, SWT.RADIO);
                other.setText("Into another folder (or file, for a command's output):");
                other.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
                other.setSelection(true);
                destination = field(c, database ? "New database folder:" : "Folder:", "restore.destination", "");
                host = field(c, "Host (empty: " + job.host() + "):", "restore.host", "");
                user = field(c, "User (empty: " + job.user() + "):", "restore.user", "");
                credential = field(c, "Credential (empty: the job's):", "restore.credential", "");
                original.addListener(SWT.Selection, e -> destination.setEnabled(!original.getSelection()));
                for (Text t : new Text[]{host, user, credential}) {
                    t.setEnabled(!database); // a database is restored on this machine
                }
                setControl(c);
            }
        });
        addPage(new WizardPage("what", "What to restore", null) {
            @Override
            public void createControl(Composite parent) {
                setDescription("Check the members to restore; none checked restores everything");
                Composite c = new Composite(parent, SWT.NONE);
                c.setLayout(new GridLayout(1, false));
                members = new Table(c, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
                members.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
                members.setData(WorkbenchIds.WIDGET_ID, "restore.members");
                TreeSet<String> tops = new TreeSet<>();
                for (ManifestEntry e : manifest) {
                    String p = e.path().endsWith("/") ? e.path().substring(0, e.path().length() - 1) : e.path();
                    tops.add(p);
                }
                for (String p : tops) {
                    new TableItem(members, SWT.NONE).setText(p);
                }
                new Label(c, SWT.WRAP).setText("Restored files are checked against the manifest as they pass.");
                setControl(c);
            }
        });
    }

    private static Text field(Composite c, String label, String id, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setData(WorkbenchIds.WIDGET_ID, id);
        return t;
    }

    @Override
    public boolean performFinish() {
        List<String> chosen = new ArrayList<>();
        if (members != null) {
            for (TableItem item : members.getItems()) {
                if (item.getChecked()) {
                    chosen.add(item.getText());
                }
            }
        }
        request = new RestoreRequest(run.id(), host.getText().trim(), 0, user.getText().trim(),
                credential.getText().trim(), original.getSelection() ? "" : destination.getText().trim(), chosen);
        return true;
    }

    /** The request, after finish. */
    RestoreRequest request() {
        return request;
    }
}
