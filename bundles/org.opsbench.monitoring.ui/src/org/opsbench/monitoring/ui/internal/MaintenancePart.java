package org.opsbench.monitoring.ui.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.opsbench.core.Principal;
import org.opsbench.monitoring.Downtime;
import org.opsbench.monitoring.Monitoring;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The maintenance calendar: the downtimes of a day or a week, as a timeline and as a list; schedule new ones and cancel
 * (or end early) the selected.
 */
public class MaintenancePart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    Monitoring monitoring;

    private final ZoneId zone = ZoneId.systemDefault();
    private Composite root;
    private Button dayView;
    private Label rangeLabel;
    private MessageLine message;
    private DowntimeTimeline timeline;
    private TableSupport<Downtime> table;
    private Actions actions;
    private LocalDate day = LocalDate.now();

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(10, false));
        dayView = new Button(bar, SWT.RADIO);
        dayView.setText("Day");
        dayView.setData(WorkbenchIds.WIDGET_ID, "maintenance.day");
        Button weekView = new Button(bar, SWT.RADIO);
        weekView.setText("Week");
        weekView.setSelection(true);
        weekView.setData(WorkbenchIds.WIDGET_ID, "maintenance.week");
        dayView.addListener(SWT.Selection, e -> refresh());
        Buttons.push(bar, "◀", "maintenance.previous", () -> move(-1));
        Buttons.push(bar, "Today", "maintenance.today", () -> {
            day = LocalDate.now();
            refresh();
        });
        Buttons.push(bar, "▶", "maintenance.next", () -> move(1));
        rangeLabel = new Label(bar, SWT.NONE);
        GridData rd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        rd.widthHint = 230;
        rangeLabel.setLayoutData(rd);
        rangeLabel.setData(WorkbenchIds.WIDGET_ID, "maintenance.range");
        Buttons.push(bar, "Schedule…", "maintenance.schedule",
                () -> actions.scheduleDowntime(root.getShell(), List.of()));
        Buttons.push(bar, "Cancel downtime", "maintenance.cancel", this::cancelSelected);
        Buttons.push(bar, "Refresh", "maintenance.refresh", this::refresh);
        message = new MessageLine(parent, "maintenance.message");
        actions = new Actions(ui, () -> principal, () -> monitoring, message, this::refresh);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        timeline = new DowntimeTimeline(sash);
        table = new TableSupport<>(sash, "maintenance");
        table.column("#", 50, d -> Long.toString(d.id()), Comparator.comparingLong(Downtime::id))
                .column("Host / check", 190, d -> d.target().toString())
                .column("Start", 130, d -> Durations.MINUTES.format(d.start()), Comparator.comparing(Downtime::start))
                .column("End", 130, d -> Durations.MINUTES.format(d.end()), Comparator.comparing(Downtime::end))
                .column("Length", 80, d -> Durations.format(Duration.between(d.start(), d.end())),
                        Comparator.comparing(d -> Duration.between(d.start(), d.end())))
                .column("Status", 80, d -> status(d, Instant.now())).column("By", 100, Downtime::author)
                .column("Comment", 360, Downtime::comment);
        table.colors(5, d -> new org.eclipse.swt.graphics.Color(DowntimeTimeline.colour(d, Instant.now())),
                d -> new org.eclipse.swt.graphics.Color(255, 255, 255));
        table.sortBy(2);
        sash.setWeights(45, 55);
        if (monitoring == null) {
            message.error("The monitoring service (bundle org.opsbench.monitoring) is not running.");
        }
        refresh();
    }

    static String status(Downtime d, Instant now) {
        return d.covers(now) ? "running" : d.end().isAfter(now) ? "planned" : "past";
    }

    private void move(int direction) {
        day = day.plusDays(dayView.getSelection() ? direction : 7L * direction);
        refresh();
    }

    Instant rangeStart() {
        LocalDate first = dayView.getSelection() ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return first.atStartOfDay(zone).toInstant();
    }

    Instant rangeEnd() {
        LocalDate first = dayView.getSelection() ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return first.plusDays(dayView.getSelection() ? 1 : 7).atStartOfDay(zone).toInstant();
    }

    /** Reads the downtimes of the range shown. */
    void refresh() {
        if (root.isDisposed()) {
            return;
        }
        Instant from = rangeStart();
        Instant to = rangeEnd();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.getDefault(Locale.Category.FORMAT))
                .withZone(zone);
        String range = dayView.getSelection() ? f.format(from) : f.format(from) + " – " + f.format(to.minusSeconds(1));
        rangeLabel.setText(range);
        Monitoring m = monitoring;
        if (m == null) {
            return;
        }
        Background.run(ui, "Reading maintenance windows", false, () -> m.downtimes(principal, from, to),
                (List<Downtime> rows) -> {
                    if (!root.isDisposed()) {
                        table.setRows(rows);
                        timeline.show(from, to, rows);
                        // the count goes beside the range: the message line keeps what the last action did
                        rangeLabel.setText(range + "  ·  " + rows.size() + (rows.size() == 1 ? " window" : " windows"));
                    }
                }, e -> message.error(Background.message(e)));
    }

    private void cancelSelected() {
        List<Downtime> picked = new java.util.ArrayList<>();
        for (Object o : table.viewer().getStructuredSelection().toList()) {
            picked.add((Downtime) o);
        }
        if (picked.isEmpty()) {
            message.error("Select the maintenance windows to cancel.");
            return;
        }
        if (!MessageDialog.openConfirm(root.getShell(), "Cancel maintenance windows",
                "Cancel " + picked.size() + (picked.size() == 1 ? " maintenance window" : " maintenance windows")
                        + "? Problems of their hosts and checks notify again at once.")) {
            return;
        }
        Monitoring m = monitoring;
        Background.run(ui, "Cancelling maintenance windows", true, () -> {
            int n = 0;
            for (Downtime d : picked) {
                n += m.cancelDowntime(principal, d.id()) ? 1 : 0;
            }
            return n;
        }, (Integer n) -> {
            message.info("Cancelled " + n + (n == 1 ? " maintenance window" : " maintenance windows"));
            refresh();
        }, e -> message.error(Background.message(e)));
    }

    /** The bars the timeline drew at its last paint, for tests. */
    public int drawnBars() {
        return timeline.drawnBars();
    }
}
