package org.opsbench.monitoring.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.monitoring.CheckKey;
import org.opsbench.monitoring.Monitoring;
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
 * The status board: one row per host and per check, coloured by state, worst first, with SOFT/HARD, acknowledged,
 * in-downtime and flapping marks. Filters by state (toggles with counts in the header), by host, by free text, and to
 * unhandled problems. Reads in a background Job every {@value #REFRESH_MS} ms and soon after each
 * {@code org/opsbench/monitoring/STATE_CHANGED} event; operator actions work on the selected rows (see
 * {@link Actions}).
 */
public class StatusBoardPart {

    /** Milliseconds between two periodic refreshes. */
    static final int REFRESH_MS = 15_000;
    /** Milliseconds a state change waits, so that a burst of them refreshes once. */
    static final int EVENT_DELAY_MS = 300;
    static final String ALL_HOSTS = "All hosts";

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Monitoring monitoring;

    @Inject
    @Optional
    ESelectionService selection;

    @Inject
    @Optional
    EPartService parts;

    private final Map<BoardState, Button> toggles = new EnumMap<>(BoardState.class);
    private final AtomicBoolean eventPending = new AtomicBoolean();
    private final AtomicInteger eventRefreshes = new AtomicInteger();
    private final Job reader = Job.create("Reading the monitoring status", monitor -> {
        read();
        return Status.OK_STATUS;
    });
    private Composite root;
    private Combo hostFilter;
    private Button unhandledOnly;
    private MessageLine message;
    private TableSupport<BoardRow> table;
    private BoardIcons icons;
    private Actions actions;
    private List<BoardRow> rows = List.of();
    private volatile boolean disposed;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        icons = new BoardIcons(parent.getDisplay());
        Composite header = new Composite(parent, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        header.setLayout(row());
        label(header, "Checks:");
        for (BoardState s : List.of(BoardState.OK, BoardState.WARNING, BoardState.CRITICAL, BoardState.UNKNOWN,
                BoardState.PENDING)) {
            toggle(header, s);
        }
        label(header, "  Hosts:");
        for (BoardState s : List.of(BoardState.UP, BoardState.DOWN, BoardState.UNREACHABLE)) {
            toggle(header, s);
        }
        unhandledOnly = new Button(header, SWT.CHECK);
        unhandledOnly.setText("Unhandled problems only");
        unhandledOnly.setData(WorkbenchIds.WIDGET_ID, "board.unhandled");
        unhandledOnly.addListener(SWT.Selection, e -> filterChanged());

        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(row());
        label(bar, "Host:");
        hostFilter = new Combo(bar, SWT.READ_ONLY);
        hostFilter.setItems(ALL_HOSTS);
        hostFilter.select(0);
        hostFilter.setLayoutData(new RowData(180, SWT.DEFAULT));
        hostFilter.setData(WorkbenchIds.WIDGET_ID, "board.host");
        hostFilter.addListener(SWT.Selection, e -> filterChanged());
        Buttons.push(bar, "Run now", "board.run", () -> actions.runNow(keys(selected())));
        Buttons.push(bar, "Acknowledge…", "board.ack", () -> actions.acknowledge(root.getShell(), selected()));
        Buttons.push(bar, "Remove acknowledgement", "board.unack", () -> actions.removeAcknowledgement(selected()));
        Buttons.push(bar, "Schedule downtime…", "board.downtime",
                () -> actions.scheduleDowntime(root.getShell(), keys(selected())));
        Buttons.push(bar, "Details", "board.details", this::openDetail);
        Buttons.push(bar, "Refresh", "board.refresh", this::refresh);
        message = new MessageLine(parent, "board.message");
        actions = new Actions(ui, () -> principal, () -> monitoring, message, this::refresh);

        table = new TableSupport<>(parent, "board");
        table.column("State", 96, r -> r.state().name(),
                Comparator.comparingInt((BoardRow r) -> -r.state().severity())
                        // confirmed problems before those still being retried
                        .thenComparing(BoardRow::soft).thenComparing(StatusBoardPart::byKey))
                .column("Host", 140, r -> r.key().host(),
                        Comparator.comparing((BoardRow r) -> r.key().host()).thenComparing(StatusBoardPart::byKey))
                .column("Check", 110, BoardRow::checkLabel)
                .column("Attempt", 72, BoardRow::attemptLabel)
                .column("Since", 70, r -> Durations.since(r.lastStateChange(), Instant.now()),
                        Comparator.comparing(BoardRow::lastStateChange,
                                Comparator.nullsLast(Comparator.<Instant>naturalOrder().reversed())))
                .column("Last check", 88, r -> Durations.ago(r.lastCheck(), Instant.now()),
                        Comparator.comparing(BoardRow::lastCheck,
                                Comparator.nullsLast(Comparator.<Instant>naturalOrder().reversed())))
                .column("Marks", 90, BoardRow::flags).column("Output", 420, BoardRow::output);
        table.colors(0, r -> StateColors.background(r.state(), r.soft()),
                r -> StateColors.foreground(r.state(), r.soft()));
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.viewer().setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                // the viewer also compares its input with itself: only rows compare by key
                return a instanceof BoardRow x && b instanceof BoardRow y
                        ? x.key().equals(y.key())
                        : Objects.equals(a, b);
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof BoardRow r ? r.key().hashCode() : Objects.hashCode(element);
            }
        });
        table.viewer().addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                BoardRow r = (BoardRow) element;
                return byHost(r) && toggles.get(r.state()).getSelection()
                        && (!unhandledOnly.getSelection() || r.unhandled());
            }
        });
        table.filter().addModifyListener(e -> updateCounts());
        table.viewer().addSelectionChangedListener(e -> {
            List<BoardRow> picked = selected();
            if (selection != null && !picked.isEmpty()) {
                selection.setSelection(picked.get(0).key());
            }
        });
        table.viewer().addDoubleClickListener(e -> openDetail());
        table.viewer().getTable().setMenu(new BoardMenu(this).create(table.viewer().getTable()));
        table.sortBy(0);
        updateCounts();

        reader.setSystem(true);
        if (monitoring == null) {
            message.error("The monitoring service (bundle org.opsbench.monitoring) is not running.");
        }
        refresh();
        parent.addListener(SWT.Show, e -> refresh());
        parent.getDisplay().timerExec(REFRESH_MS, this::tick);
    }

    @PreDestroy
    void dispose() {
        disposed = true;
        reader.cancel();
        if (icons != null) {
            icons.dispose();
        }
    }

    /** A state change somewhere: read again soon (once for a burst). */
    @Inject
    @Optional
    void stateChanged(@EventTopic(Topics.MONITORING_STATE_CHANGED) Event event) {
        if (!disposed) {
            eventPending.set(true);
            reader.schedule(EVENT_DELAY_MS);
        }
    }

    private void tick() {
        if (disposed || root.isDisposed()) {
            return;
        }
        // a board behind another view reads again when it is shown, not every period
        if (root.isVisible()) {
            refresh();
        }
        root.getDisplay().timerExec(REFRESH_MS, this::tick);
    }

    /** Reads the states again in the background. */
    void refresh() {
        if (monitoring != null && !disposed) {
            reader.schedule();
        }
    }

    private void read() {
        Monitoring m = monitoring;
        if (m == null || disposed) {
            return;
        }
        boolean byEvent = eventPending.getAndSet(false);
        try {
            List<BoardRow> fresh = BoardRow.of(m.hosts(principal), m.checks(principal, null));
            ui.asyncExec(() -> show(fresh, byEvent));
        } catch (RuntimeException e) {
            ui.asyncExec(() -> message.error(Background.message(e)));
        }
    }

    private void show(List<BoardRow> fresh, boolean byEvent) {
        if (root.isDisposed()) {
            return;
        }
        rows = fresh;
        TreeSet<String> hosts = new TreeSet<>();
        fresh.forEach(r -> hosts.add(r.key().host()));
        String current = hostFilter.getText();
        List<String> items = new ArrayList<>();
        items.add(ALL_HOSTS);
        items.addAll(hosts);
        if (!items.equals(List.of(hostFilter.getItems()))) {
            hostFilter.setItems(items.toArray(String[]::new));
            hostFilter.select(Math.max(0, items.indexOf(current)));
        }
        table.setRows(fresh);
        updateCounts();
        if (message.isError() && message.control().getText().startsWith("not allowed")) {
            message.info("");
        }
        if (byEvent) {
            eventRefreshes.incrementAndGet();
        }
    }

    private void filterChanged() {
        table.viewer().refresh();
        updateCounts();
    }

    /** The toggles say how many rows of each state pass the host and text filters. */
    private void updateCounts() {
        Map<BoardState, Integer> counts = new EnumMap<>(BoardState.class);
        for (BoardRow r : rows) {
            if (byHost(r) && table.matchesFilter(r)) {
                counts.merge(r.state(), 1, Integer::sum);
            }
        }
        toggles.forEach((s, b) -> b.setText(s.name() + " " + counts.getOrDefault(s, 0)));
        toggles.values().iterator().next().getParent().getParent().layout(true, true);
    }

    private boolean byHost(BoardRow r) {
        String host = hostFilter.getText();
        return host.isEmpty() || ALL_HOSTS.equals(host) || host.equals(r.key().host());
    }

    private void toggle(Composite header, BoardState s) {
        Button b = new Button(header, SWT.TOGGLE);
        b.setText(s.name() + " 0");
        b.setImage(icons.of(s));
        b.setSelection(true);
        b.setToolTipText("Show or hide " + s.name() + " rows");
        b.setData(WorkbenchIds.WIDGET_ID, "board.state." + s.name());
        b.addListener(SWT.Selection, e -> filterChanged());
        toggles.put(s, b);
    }

    /** A row of controls that wraps when the view is narrow. */
    private static RowLayout row() {
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.center = true;
        layout.marginLeft = 0;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        return layout;
    }

    private static void label(Composite parent, String text) {
        new org.eclipse.swt.widgets.Label(parent, SWT.NONE).setText(text);
    }

    List<BoardRow> selected() {
        List<BoardRow> picked = new ArrayList<>();
        for (Object o : table.viewer().getStructuredSelection().toList()) {
            picked.add((BoardRow) o);
        }
        return picked;
    }

    Actions actions() {
        return actions;
    }

    Composite root() {
        return root;
    }

    /** Opens the detail view on the first selected row. */
    void openDetail() {
        List<BoardRow> picked = selected();
        if (picked.isEmpty()) {
            message.error("Select a host or check first.");
            return;
        }
        if (parts == null) {
            return;
        }
        var part = parts.showPart(MonitoringViews.DETAIL, EPartService.PartState.ACTIVATE);
        if (part != null && part.getObject() instanceof CheckDetailPart detail) {
            detail.show(picked.get(0).key());
        }
    }

    /** How many refreshes a state change event caused (for tests: the board follows events). */
    public int eventRefreshes() {
        return eventRefreshes.get();
    }

    private static int byKey(BoardRow a, BoardRow b) {
        int c = a.key().host().compareTo(b.key().host());
        if (c != 0) {
            return c;
        }
        if (a.isHost() != b.isHost()) {
            return a.isHost() ? -1 : 1;
        }
        return a.isHost() ? 0 : a.key().check().compareTo(b.key().check());
    }

    static List<CheckKey> keys(List<BoardRow> rows) {
        return rows.stream().map(BoardRow::key).toList();
    }
}
