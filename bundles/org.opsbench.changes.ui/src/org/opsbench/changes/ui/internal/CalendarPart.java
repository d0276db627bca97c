package org.opsbench.changes.ui.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.opsbench.changes.ChangeCalendar;
import org.opsbench.changes.ChangeRequest;
import org.opsbench.changes.Changes;
import org.opsbench.changes.Conflict;
import org.opsbench.changes.FreezeWindow;
import org.opsbench.core.CiRef;
import org.opsbench.core.Principal;
import org.opsbench.core.events.Topics;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The change calendar of a week or a month, drawn with GC: one column a day, freeze windows as hatched bands across all
 * lanes, each change a bar in its own lane coloured by state, and the changes in conflict (same item, overlapping
 * windows) outlined in red with the conflict listed below. Clicking a bar selects the change for the other views.
 */
public class CalendarPart {

    static final String[] MODES = {"Week", "Month"};
    private static final int HEADER = 48;
    private static final int LANE = 26;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d");

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

    private final ZoneId zone = ZoneId.systemDefault();
    private Composite root;
    private Combo mode;
    private Label range;
    private Canvas canvas;
    private Label conflictsLine;
    private MessageLine message;
    private LocalDate anchor = LocalDate.now();
    private ChangeCalendar data = new ChangeCalendar(List.of(), List.of(), List.of());
    private final Map<String, Rectangle> bars = new LinkedHashMap<>();

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        mode = new Combo(bar, SWT.READ_ONLY);
        mode.setItems(MODES);
        mode.select(0);
        mode.setData(WorkbenchIds.WIDGET_ID, "calendar.mode");
        mode.addListener(SWT.Selection, e -> refresh());
        Buttons.push(bar, "<", "calendar.previous", () -> step(-1));
        Buttons.push(bar, "Today", "calendar.today", () -> {
            anchor = LocalDate.now();
            refresh();
        });
        Buttons.push(bar, ">", "calendar.next", () -> step(1));
        Buttons.push(bar, "Refresh", "calendar.refresh", this::refresh);
        range = new Label(bar, SWT.NONE);
        range.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        range.setData(WorkbenchIds.WIDGET_ID, "calendar.range");
        message = new MessageLine(parent, "calendar.message");
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setData(WorkbenchIds.WIDGET_ID, "calendar.canvas");
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.MouseDown, e -> bars.forEach((ref, r) -> {
            if (r.contains(e.x, e.y)) {
                ChangeViews.select(app, ref);
            }
        }));
        conflictsLine = new Label(parent, SWT.WRAP);
        conflictsLine.setData(WorkbenchIds.WIDGET_ID, "calendar.conflicts");
        conflictsLine.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        if (changes == null) {
            message.error("The changes service (bundle org.opsbench.changes) is not running.");
        }
        refresh();
    }

    private void step(int direction) {
        anchor = mode.getSelectionIndex() == 0 ? anchor.plusWeeks(direction) : anchor.plusMonths(direction);
        refresh();
    }

    /** Shows the week or month of {@code day} (for tests and other views). */
    public void show(LocalDate day, boolean month) {
        anchor = day;
        mode.select(month ? 1 : 0);
        refresh();
    }

    LocalDate first() {
        return mode.getSelectionIndex() == 0
                ? anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : anchor.withDayOfMonth(1);
    }

    int days() {
        return mode.getSelectionIndex() == 0 ? 7 : anchor.lengthOfMonth();
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
        Instant from = first().atStartOfDay(zone).toInstant();
        Instant to = first().plusDays(days()).atStartOfDay(zone).toInstant();
        range.setText(first() + " to " + first().plusDays(days() - 1L));
        Changes c = changes;
        Background.run(ui, "Reading the change calendar", false, () -> c.calendar(principal, from, to),
                (ChangeCalendar cal) -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    data = cal;
                    message.info(cal.changes().size() + " changes, " + cal.freezes().size() + " freeze windows, "
                            + cal.conflicts().size() + " conflicts");
                    conflictsLine.setText(conflictText(cal.conflicts()));
                    canvas.redraw();
                    root.layout(true, true);
                }, e -> message.error(Background.message(e)));
    }

    static String conflictText(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return "No conflicts.";
        }
        StringBuilder b = new StringBuilder();
        for (Conflict x : conflicts) {
            b.append(b.length() == 0 ? "" : "\n").append("Conflict: ").append(x.first()).append(" and ")
                    .append(x.second()).append(" overlap on ")
                    .append(String.join(", ", x.items().stream().map(CiRef::name).toList()));
        }
        return b.toString();
    }

    private int x(Instant t, Rectangle area, Instant from, Instant to) {
        double f = (double) Duration.between(from, t).toMillis() / Duration.between(from, to).toMillis();
        return area.x + (int) Math.round(Math.max(0, Math.min(1, f)) * area.width);
    }

    private void paint(GC gc, Rectangle area) {
        Display d = canvas.getDisplay();
        bars.clear();
        Instant from = first().atStartOfDay(zone).toInstant();
        Instant to = first().plusDays(days()).atStartOfDay(zone).toInstant();
        int days = days();
        double dayWidth = area.width / (double) days;
        gc.setAntialias(SWT.ON);
        Color grid = d.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
        Color weekend = new Color(d, 245, 245, 245);
        Color today = new Color(d, 255, 250, 220);
        for (int i = 0; i < days; i++) {
            LocalDate day = first().plusDays(i);
            int x0 = area.x + (int) Math.round(i * dayWidth);
            int x1 = area.x + (int) Math.round((i + 1) * dayWidth);
            if (day.equals(LocalDate.now())) {
                gc.setBackground(today);
                gc.fillRectangle(x0, area.y, x1 - x0, area.height);
            } else if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                gc.setBackground(weekend);
                gc.fillRectangle(x0, area.y, x1 - x0, area.height);
            }
            gc.setForeground(grid);
            gc.drawLine(x0, area.y, x0, area.y + area.height);
            gc.setForeground(d.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String label = days <= 7 ? DAY.format(day) : Integer.toString(day.getDayOfMonth());
            Point size = gc.textExtent(label);
            gc.drawText(label, x0 + Math.max(2, (x1 - x0 - size.x) / 2), area.y + 4, true);
        }
        gc.setForeground(grid);
        gc.drawLine(area.x, area.y + HEADER - 6, area.x + area.width, area.y + HEADER - 6);
        // freeze windows: hatched bands over every lane
        Color freezeFill = new Color(d, 225, 225, 240);
        Color freezeLine = new Color(d, 120, 120, 170);
        for (FreezeWindow f : data.freezes()) {
            int x0 = x(f.start(), area, from, to);
            int x1 = Math.max(x0 + 2, x(f.end(), area, from, to));
            gc.setBackground(freezeFill);
            gc.fillRectangle(x0, area.y + 22, x1 - x0, area.height - 22);
            gc.setForeground(freezeLine);
            gc.setClipping(x0, area.y + HEADER - 5, x1 - x0, area.height - HEADER + 5);
            for (int k = x0 - area.height; k < x1; k += 10) {
                gc.drawLine(k, area.y + area.height, k + area.height, area.y + HEADER - 5);
            }
            gc.setClipping((Rectangle) null);
            gc.setForeground(d.getSystemColor(SWT.COLOR_DARK_BLUE));
            gc.drawText("freeze: " + f.name(), x0 + 3, area.y + 24, true);
        }
        Set<String> conflicted = conflicted();
        Color red = d.getSystemColor(SWT.COLOR_RED);
        int lane = 0;
        for (ChangeRequest c : data.changes()) {
            Instant s = c.actualStart() != null ? c.actualStart() : c.draft().plannedStart();
            Instant e = c.actualEnd() != null ? c.actualEnd() : c.draft().plannedEnd();
            if (s == null || e == null) {
                continue;
            }
            int x0 = x(s, area, from, to);
            int x1 = Math.max(x0 + 6, x(e, area, from, to));
            int y = area.y + HEADER + lane * LANE;
            Rectangle r = new Rectangle(x0, y, x1 - x0, LANE - 6);
            bars.put(c.reference(), r);
            Color fill = ChangeViews.color(d, c.state());
            gc.setBackground(fill);
            gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
            if (conflicted.contains(c.reference())) {
                gc.setForeground(red);
                gc.setLineWidth(3);
            } else {
                gc.setForeground(d.getSystemColor(SWT.COLOR_DARK_GRAY));
                gc.setLineWidth(1);
            }
            gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
            gc.setLineWidth(1);
            gc.setForeground(d.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String text = c.reference() + " " + c.title() + " [" + c.state() + "] "
                    + String.join(",", c.draft().items().stream().map(CiRef::name).toList());
            gc.setClipping(r.x, r.y, Math.max(r.width, 400), r.height);
            gc.drawText(text, r.x + 4, r.y + 3, true);
            gc.setClipping((Rectangle) null);
            lane++;
        }
        if (data.changes().isEmpty()) {
            gc.setForeground(d.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("No changes scheduled in this period.", area.x + 10, area.y + HEADER + 4, true);
        }
        weekend.dispose();
        today.dispose();
        freezeFill.dispose();
        freezeLine.dispose();
    }

    /** The references of the changes in a conflict. */
    public Set<String> conflicted() {
        Set<String> refs = new HashSet<>();
        data.conflicts().forEach(x -> {
            refs.add(x.first());
            refs.add(x.second());
        });
        return refs;
    }

    /** The bars drawn last, by reference (for tests). */
    public Map<String, Rectangle> bars() {
        return Map.copyOf(bars);
    }

    /** What the calendar shows (for tests). */
    public ChangeCalendar data() {
        return data;
    }
}
