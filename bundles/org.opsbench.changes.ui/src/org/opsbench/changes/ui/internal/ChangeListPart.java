package org.opsbench.changes.ui.internal;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.ChangeState;
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
 * All changes, newest first: sortable and filterable, by a group of states; selecting one shows it in the other changes
 * views, double-clicking opens the editor. Read again whenever a change changes.
 */
public class ChangeListPart {

    static final String[] GROUPS = {"Open", "All", "Awaiting decision", "Scheduled and running", "Done"};

    @Inject
    UISynchronize ui;
    @Inject
    Principal principal;
    @Inject
    MApplication app;
    @Inject
    EPartService parts;
    @Inject
    @Optional
    @Service
    Changes changes;

    private Composite root;
    private Combo group;
    private MessageLine message;
    private TableSupport<ChangeRequest> table;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        new Label(bar, SWT.NONE).setText("Show:");
        group = new Combo(bar, SWT.READ_ONLY);
        group.setItems(GROUPS);
        group.select(0);
        group.setData(WorkbenchIds.WIDGET_ID, "changes.group");
        group.addListener(SWT.Selection, e -> refresh());
        Buttons.push(bar, "New change", "changes.new", () -> open(null));
        Buttons.push(bar, "Open", "changes.open", () -> open(selected()));
        Buttons.push(bar, "Refresh", "changes.refresh", this::refresh);
        message = new MessageLine(parent, "changes.message");
        table = new TableSupport<>(parent, "changes");
        table.column("Reference", 95, ChangeRequest::reference)
                .column("Type", 85, c -> c.type().name())
                .column("State", 100, c -> c.state().name())
                .column("Risk", 80, c -> c.risk() == null ? "" : c.risk().score() + " " + c.risk().level(),
                        Comparator.comparingInt(c -> c.risk() == null ? -1 : c.risk().score()))
                .column("Start", 120, c -> ChangeViews.time(c.draft().plannedStart()),
                        Comparator.comparing(c -> c.draft().plannedStart(),
                                Comparator.nullsFirst(Comparator.naturalOrder())))
                .column("End", 120, c -> ChangeViews.time(c.draft().plannedEnd()))
                .column("Items", 160, c -> String.join(", ", c.draft().items().stream().map(CiRef::name).toList()))
                .column("Requester", 100, ChangeRequest::requester)
                .column("Title", 320, ChangeRequest::title);
        table.colors(2, c -> ChangeViews.color(root.getDisplay(), c.state()), c -> null);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.viewer().addSelectionChangedListener(e -> {
            String ref = selected();
            if (ref != null) {
                ChangeViews.select(app, ref);
            }
        });
        table.viewer().addDoubleClickListener(e -> open(selected()));
        if (changes == null) {
            message.error("The changes service (bundle org.opsbench.changes) is not running.");
        }
        refresh();
    }

    private String selected() {
        Object first = ((IStructuredSelection) table.viewer().getSelection()).getFirstElement();
        return first instanceof ChangeRequest c ? c.reference() : null;
    }

    private void open(String reference) {
        ChangeViews.select(app, reference == null ? ChangeEditorPart.NEW : reference);
        parts.showPart(ChangeViews.EDITOR, EPartService.PartState.ACTIVATE);
    }

    static Set<ChangeState> states(int group) {
        return switch (group) {
            case 0 -> EnumSet.complementOf(EnumSet.of(ChangeState.CLOSED, ChangeState.REJECTED));
            case 2 -> EnumSet.of(ChangeState.SUBMITTED, ChangeState.ASSESSED);
            case 3 -> EnumSet.of(ChangeState.APPROVED, ChangeState.SCHEDULED, ChangeState.IMPLEMENTING);
            case 4 -> EnumSet.of(ChangeState.IMPLEMENTED, ChangeState.FAILED, ChangeState.ROLLED_BACK,
                    ChangeState.REVIEWED, ChangeState.CLOSED);
            default -> EnumSet.noneOf(ChangeState.class);
        };
    }

    @Inject
    @Optional
    void changed(@EventTopic(Topics.CHANGES_UPDATED) Event event) {
        ui.asyncExec(this::refresh);
    }

    void refresh() {
        if (changes == null || root == null || root.isDisposed()) {
            return;
        }
        Changes c = changes;
        Set<ChangeState> states = states(group.getSelectionIndex());
        Background.run(ui, "Reading changes", false, () -> c.list(principal, states, 2000),
                (List<ChangeRequest> rows) -> {
                    if (!root.isDisposed()) {
                        table.setRows(rows);
                        message.info(rows.size() + " change" + (rows.size() == 1 ? "" : "s"));
                    }
                }, e -> message.error(Background.message(e)));
    }
}
