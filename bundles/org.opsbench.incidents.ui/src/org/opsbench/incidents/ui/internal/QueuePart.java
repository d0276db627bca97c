package org.opsbench.incidents.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.core.Priority;
import org.opsbench.incidents.Incidents;
import org.opsbench.incidents.QueueQuery;
import org.opsbench.incidents.Ticket;
import org.opsbench.incidents.TicketState;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The ticket queue: my tickets, my groups' or all, filtered by state, priority and text in the database (one page of
 * the first {@value #LIMIT} by SLA deadline), then sortable and filterable in the table; the SLA column shows the time
 * left, coloured. Double-click (or Open) edits a ticket; New logs one. Read again when a ticket changes.
 */
public class QueuePart {

    static final int LIMIT = 500;
    static final String[] SCOPES = {"My tickets", "My groups", "All tickets"};
    static final String OPEN = "Open";
    static final String ANY_STATE = "Any state";
    static final String ANY_PRIORITY = "Any priority";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    EPartService parts;

    @Inject
    @Optional
    @Service
    Incidents incidents;

    private Composite root;
    private Combo scope;
    private Combo state;
    private Combo priority;
    private Text text;
    private MessageLine message;
    private TableSupport<Ticket> table;
    private volatile boolean disposed;
    private Job pending;
    private boolean again;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(10, false));
        scope = combo(bar, "queue.scope", SCOPES, 2);
        String[] states = new String[TicketState.values().length + 2];
        states[0] = OPEN;
        states[1] = ANY_STATE;
        for (TicketState s : TicketState.values()) {
            states[s.ordinal() + 2] = s.label();
        }
        state = combo(bar, "queue.state", states, 0);
        String[] priorities = new String[6];
        priorities[0] = ANY_PRIORITY;
        for (Priority p : Priority.values()) {
            priorities[p.ordinal() + 1] = p.name() + " " + p.label();
        }
        priority = combo(bar, "queue.priority", priorities, 0);
        new Label(bar, SWT.NONE).setText("Text:");
        text = new Text(bar, SWT.BORDER | SWT.SEARCH);
        text.setMessage("reference or title");
        text.setLayoutData(new GridData(160, SWT.DEFAULT));
        text.setData(WorkbenchIds.WIDGET_ID, "queue.text");
        text.addListener(SWT.DefaultSelection, e -> refresh());
        Buttons.push(bar, "Refresh", "queue.refresh", this::refresh);
        Buttons.push(bar, "New incident", "queue.new", this::newTicket);
        Buttons.push(bar, "Open", "queue.open", this::openSelected);
        message = new MessageLine(parent, "queue.message");
        table = new TableSupport<>(parent, "queue");
        Instant[] now = {Instant.now()};
        table.column("Reference", 100, Ticket::reference)
                .column("Priority", 70, t -> t.priority().name(), Comparator.comparing(Ticket::priority))
                .column("State", 90, t -> t.state().label(), Comparator.comparing(Ticket::state))
                .column("Title", 320, Ticket::title)
                .column("Group", 110, t -> t.group() == null ? "" : t.group())
                .column("Assignee", 110, t -> t.assignee() == null ? "" : t.assignee())
                .column("SLA", 110, t -> SlaDisplay.text(t.sla(), t.state(), now[0]),
                        Comparator.comparing((Ticket t) -> t.sla().resolutionDue(),
                                Comparator.nullsLast(Comparator.naturalOrder())))
                .column("Updated", 130, t -> TIME.format(t.updated()), Comparator.comparing(Ticket::updated));
        table.colors(6, t -> SlaDisplay.color(SlaDisplay.level(t.sla(), t.state(), now[0])), t -> null);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.viewer().addDoubleClickListener(e -> openSelected());
        if (incidents == null) {
            message.error("The incidents service (bundle org.opsbench.incidents) is not running.");
        }
        refresh();
    }

    private Combo combo(Composite bar, String id, String[] items, int selected) {
        Combo c = new Combo(bar, SWT.READ_ONLY);
        c.setItems(items);
        c.select(selected);
        c.setData(WorkbenchIds.WIDGET_ID, id);
        c.addListener(SWT.Selection, e -> refresh());
        return c;
    }

    @PreDestroy
    void dispose() {
        disposed = true;
    }

    /** A ticket changed somewhere: read the page again. */
    @Inject
    @Optional
    void ticketChanged(@EventTopic("org/opsbench/incidents/*") Event event) {
        if (!disposed && root != null) {
            ui.asyncExec(() -> {
                if (!root.isDisposed()) {
                    refresh();
                }
            });
        }
    }

    /** The query the bar describes. */
    QueueQuery query() {
        QueueQuery.Scope s = switch (scope.getSelectionIndex()) {
            case 0 -> QueueQuery.Scope.MINE;
            case 1 -> QueueQuery.Scope.MY_GROUPS;
            default -> QueueQuery.Scope.ALL;
        };
        int si = state.getSelectionIndex();
        Set<TicketState> states = si <= 0
                ? EnumSet.of(TicketState.NEW, TicketState.ASSIGNED, TicketState.IN_PROGRESS, TicketState.PENDING)
                : si == 1 ? Set.of() : Set.of(TicketState.values()[si - 2]);
        int pi = priority.getSelectionIndex();
        Set<Priority> priorities = pi <= 0 ? Set.of() : Set.of(Priority.values()[pi - 1]);
        return new QueueQuery(s, states, priorities, text.getText(), QueueQuery.Sort.SLA_DEADLINE, true, 0, LIMIT);
    }

    /** Reads the page in the background; a change while reading reads again afterwards. */
    public void refresh() {
        if (incidents == null || disposed || root.isDisposed()) {
            return;
        }
        if (pending != null && pending.getState() != Job.NONE) {
            again = true;
            return;
        }
        Incidents service = incidents;
        QueueQuery q = query();
        pending = Background.run(ui, "Reading the ticket queue", false, () -> service.queue(principal, q),
                (List<Ticket> rows) -> {
                    // the result arrives while the job may still count as running: it is done for the next refresh
                    pending = null;
                    if (root.isDisposed()) {
                        return;
                    }
                    table.setRows(rows);
                    message.info(rows.size() + (rows.size() == LIMIT ? "+" : "") + " tickets ("
                            + SCOPES[Math.max(0, scope.getSelectionIndex())].toLowerCase() + ")");
                    if (again) {
                        again = false;
                        refresh();
                    }
                }, e -> {
                    pending = null;
                    if (!root.isDisposed()) {
                        message.error(Background.message(e));
                    }
                });
    }

    private void newTicket() {
        var part = parts.showPart(IncidentsViews.TICKET, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof TicketEditorPart editor) {
            editor.newTicket();
        }
    }

    private void openSelected() {
        Object selected = table.viewer().getStructuredSelection().getFirstElement();
        if (selected instanceof Ticket t) {
            var part = parts.showPart(IncidentsViews.TICKET, EPartService.PartState.ACTIVATE);
            if (part != null && part.getObject() instanceof TicketEditorPart editor) {
                editor.open(t.reference());
            }
        }
    }

    /** The table, for tests. */
    TableSupport<Ticket> table() {
        return table;
    }
}
