package org.opsbench.changes.ui.internal;

import java.util.EnumSet;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
import org.opsbench.changes.ChangeType;
import org.opsbench.changes.Changes;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The board's inbox: normal changes assessed and waiting for approvals, emergency changes waiting for theirs (before or
 * after implementation), with the risk and how many approvals they have of the quorum. Approve or reject with a
 * comment.
 */
public class ApprovalInboxPart {

    @Inject
    UISynchronize ui;
    @Inject
    Principal principal;
    @Inject
    MApplication app;
    @Inject
    @Optional
    @Service
    Changes changes;

    private Composite root;
    private TableSupport<ChangeRequest> table;
    private Text comment;
    private MessageLine message;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Comment:");
        comment = new Text(bar, SWT.BORDER);
        comment.setData(WorkbenchIds.WIDGET_ID, "inbox.comment");
        comment.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Buttons.push(bar, "Approve", "inbox.approve", () -> decide(true));
        Buttons.push(bar, "Reject", "inbox.reject", () -> decide(false));
        Buttons.push(bar, "Refresh", "inbox.refresh", this::refresh);
        message = new MessageLine(parent, "inbox.message");
        table = new TableSupport<>(parent, "inbox");
        table.column("Reference", 95, ChangeRequest::reference)
                .column("Type", 85, c -> c.type().name())
                .column("State", 100, c -> c.state().name())
                .column("Approvals", 80, c -> c.approvalCount() + " of " + changes.quorum(c.type()))
                .column("Risk", 90, c -> c.risk() == null ? "" : c.risk().score() + " " + c.risk().level())
                .column("Requester", 100, ChangeRequest::requester)
                .column("Items", 160, c -> String.join(", ", c.draft().items().stream().map(CiRef::name).toList()))
                .column("Title", 320, ChangeRequest::title);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.viewer().addSelectionChangedListener(e -> {
            if (selected() != null) {
                ChangeViews.select(app, selected().reference());
            }
        });
        if (changes == null) {
            message.error("The changes service (bundle org.opsbench.changes) is not running.");
        }
        refresh();
    }

    private ChangeRequest selected() {
        Object first = ((IStructuredSelection) table.viewer().getSelection()).getFirstElement();
        return first instanceof ChangeRequest c ? c : null;
    }

    /** Whether the board still has to decide on {@code c}. */
    static boolean waiting(ChangeRequest c, int quorum) {
        return switch (c.type()) {
            case NORMAL -> c.state() == ChangeState.ASSESSED;
            case EMERGENCY -> c.approvalCount() < quorum && EnumSet.of(ChangeState.SUBMITTED, ChangeState.SCHEDULED,
                    ChangeState.IMPLEMENTING, ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.ROLLED_BACK,
                    ChangeState.REVIEWED).contains(c.state());
            case STANDARD -> false;
        };
    }

    private void decide(boolean approve) {
        ChangeRequest c = selected();
        if (c == null) {
            message.error("Select a change first.");
            return;
        }
        String why = comment.getText();
        Changes s = changes;
        Background.run(ui, (approve ? "Approving " : "Rejecting ") + c.reference(), true,
                () -> approve ? s.approve(principal, c.reference(), why) : s.reject(principal, c.reference(), why),
                (ChangeRequest after) -> {
                    message.info(after.reference() + " is " + after.state() + " (" + after.approvalCount() + " of "
                            + s.quorum(after.type()) + ")");
                    refresh();
                }, e -> message.error(Background.message(e)));
    }

    @Inject
    @Optional
    void changed(@EventTopic(Topics.CHANGES_UPDATED) Event event) {
        ui.asyncExec(this::refresh);
    }

    void refresh() {
        Changes s = changes;
        if (s == null || root == null || root.isDisposed()) {
            return;
        }
        Background.run(ui, "Reading the approval inbox", false, () -> s.list(principal,
                EnumSet.complementOf(EnumSet.of(ChangeState.DRAFT, ChangeState.CLOSED, ChangeState.REJECTED)), 2000)
                .stream().filter(c -> c.type() != ChangeType.STANDARD && waiting(c, s.quorum(c.type()))).toList(),
                (List<ChangeRequest> rows) -> {
                    if (!root.isDisposed()) {
                        table.setRows(rows);
                        message.info(rows.size() + " change" + (rows.size() == 1 ? "" : "s") + " await a decision");
                    }
                }, e -> message.error(Background.message(e)));
    }
}
