package org.opsbench.security.ops.ui.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.opsbench.security.ops.Finding;
import org.opsbench.workbench.WorkbenchIds;

/** Accept a finding's risk: a reason (required) and an expiry date (the end of that day, local time). */
final class AcceptRiskDialog extends TitleAreaDialog {

    private final Finding finding;
    private Text reasonText;
    private DateTime date;
    private String reason = "";
    private Instant until;

    AcceptRiskDialog(Shell parent, Finding finding) {
        super(parent);
        this.finding = finding;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Accept risk");
        shell.setData(WorkbenchIds.WIDGET_ID, SecOpsViews.ACCEPT_DIALOG);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Accept risk of " + finding.advisoryId());
        setMessage(finding.packageName() + " " + finding.installed() + " on " + finding.host() + " ("
                + finding.risk() + "). The finding opens again when the acceptance expires.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(c, SWT.NONE).setText("Reason");
        reasonText = new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        reasonText.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 1, 1));
        ((GridData) reasonText.getLayoutData()).heightHint = 60;
        reasonText.setData(WorkbenchIds.WIDGET_ID, "secops.accept.reason");
        new Label(c, SWT.NONE).setText("Expires");
        date = new DateTime(c, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        LocalDate in30 = LocalDate.now().plusDays(30);
        date.setDate(in30.getYear(), in30.getMonthValue() - 1, in30.getDayOfMonth());
        date.setData(WorkbenchIds.WIDGET_ID, "secops.accept.until");
        return area;
    }

    @Override
    protected void okPressed() {
        String r = reasonText.getText().strip();
        if (r.isEmpty()) {
            setErrorMessage("reason: required: why is the risk accepted?");
            return;
        }
        LocalDate d = LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
        Instant u = d.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        if (!u.isAfter(Instant.now())) {
            setErrorMessage("until: must be in the future");
            return;
        }
        reason = r;
        until = u;
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Accept risk", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    String reason() {
        return reason;
    }

    Instant until() {
        return until;
    }
}
