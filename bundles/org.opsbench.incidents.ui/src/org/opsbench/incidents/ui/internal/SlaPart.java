package org.opsbench.incidents.ui.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.opsbench.core.Principal;
import org.opsbench.core.Priority;
import org.opsbench.incidents.BusinessCalendar;
import org.opsbench.incidents.IncidentsAdmin;
import org.opsbench.incidents.SlaPolicy;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.widgets.Background;
import org.opsbench.workbench.widgets.Buttons;
import org.opsbench.workbench.widgets.MessageLine;
import org.opsbench.workbench.widgets.TableSupport;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The SLA policy editor (targets per priority and category, warning share, escalation) and the business-hours calendar
 * editor (time zone, working days, hours, holidays). Durations read {@code 4h}, {@code 30m}, {@code 2d} or ISO
 * {@code PT4H}; both editors save through {@link IncidentsAdmin}, which checks the permission and audits.
 */
public class SlaPart {

    @Inject
    UISynchronize ui;

    @Inject
    Principal principal;

    @Inject
    @Optional
    @Service
    IncidentsAdmin admin;

    private Composite root;
    private ScrolledComposite scroller;
    private MessageLine message;
    private TableSupport<SlaPolicy> table;
    private final List<SlaPolicy> policies = new ArrayList<>();
    private Text name;
    private Combo priority;
    private Text category;
    private Text response;
    private Text resolution;
    private Text warn;
    private Button raise;
    private Text reassign;
    private Button alert;
    private Text zone;
    private final Map<DayOfWeek, Button> days = new EnumMap<>(DayOfWeek.class);
    private Text hours;
    private Text holidays;

    @PostConstruct
    void create(Composite outer) {
        outer.setLayout(new FillLayout());
        scroller = new ScrolledComposite(outer, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite parent = new Composite(scroller, SWT.NONE);
        scroller.setContent(parent);
        root = parent;
        parent.setLayout(new GridLayout(2, false));
        message = new MessageLine(parent, "sla.message");
        message.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Group left = new Group(parent, SWT.NONE);
        left.setText("SLA policies");
        left.setLayout(new GridLayout(2, false));
        left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new TableSupport<>(left, "sla.policies");
        table.column("Name", 90, SlaPolicy::name).column("Priority", 60, p -> p.priority().name())
                .column("Category", 90, p -> p.category() == null ? "any" : p.category())
                .column("Response", 70, p -> compact(p.response()))
                .column("Resolution", 80, p -> compact(p.resolution()))
                .column("Warn", 50, p -> p.warnPercent() + " %").column("Escalation", 200, SlaPart::escalation);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 150;
        table.control().setLayoutData(tableData);
        table.viewer().addSelectionChangedListener(e -> {
            if (e.getStructuredSelection().getFirstElement() instanceof SlaPolicy p) {
                fill(p);
            }
        });
        name = field(left, "Name", "sla.name");
        new Label(left, SWT.NONE).setText("Priority:");
        priority = new Combo(left, SWT.READ_ONLY);
        for (Priority p : Priority.values()) {
            priority.add(p.name());
        }
        priority.select(2);
        priority.setData(WorkbenchIds.WIDGET_ID, "sla.priority");
        category = field(left, "Category", "sla.category");
        response = field(left, "Response", "sla.response");
        resolution = field(left, "Resolution", "sla.resolution");
        warn = field(left, "Warn at %", "sla.warn");
        raise = check(left, "Raise priority on breach", "sla.raise");
        reassign = field(left, "Reassign to group", "sla.reassign");
        alert = check(left, "Alert (critical) on breach", "sla.alert");
        Composite pb = new Composite(left, SWT.NONE);
        pb.setLayout(new GridLayout(3, false));
        pb.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Buttons.push(pb, "Apply to list", "sla.apply", this::apply);
        Buttons.push(pb, "Remove", "sla.remove", this::remove);
        Buttons.push(pb, "Save policies", "sla.save", this::savePolicies);

        Group right = new Group(parent, SWT.NONE);
        right.setText("Business-hours calendar");
        right.setLayout(new GridLayout(2, false));
        right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        zone = field(right, "Time zone", "calendar.zone");
        new Label(right, SWT.NONE).setText("Working days:");
        Composite dayBox = new Composite(right, SWT.NONE);
        dayBox.setLayout(new GridLayout(7, false));
        for (DayOfWeek d : DayOfWeek.values()) {
            Button b = new Button(dayBox, SWT.CHECK);
            b.setText(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            b.setData(WorkbenchIds.WIDGET_ID, "calendar.day." + d.name());
            days.put(d, b);
        }
        hours = field(right, "Hours", "calendar.hours");
        new Label(right, SWT.NONE).setText("Holidays:");
        holidays = new Text(right, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        holidays.setData(WorkbenchIds.WIDGET_ID, "calendar.holidays");
        GridData hg = new GridData(SWT.FILL, SWT.FILL, true, true);
        hg.widthHint = 220;
        holidays.setLayoutData(hg);
        new Label(right, SWT.NONE);
        Buttons.push(right, "Save calendar", "calendar.save", this::saveCalendar);
        scroller.setMinSize(parent.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        if (admin == null) {
            message.error("The incidents service (bundle org.opsbench.incidents) is not running.");
            return;
        }
        load();
    }

    private static Text field(Composite c, String label, String id) {
        new Label(c, SWT.NONE).setText(label + ":");
        Text t = new Text(c, SWT.BORDER);
        t.setData(WorkbenchIds.WIDGET_ID, id);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    private static Button check(Composite c, String label, String id) {
        new Label(c, SWT.NONE);
        Button b = new Button(c, SWT.CHECK);
        b.setText(label);
        b.setData(WorkbenchIds.WIDGET_ID, id);
        return b;
    }

    static String escalation(SlaPolicy p) {
        List<String> parts = new ArrayList<>();
        if (p.escalation().raisePriority()) {
            parts.add("raise priority");
        }
        if (p.escalation().reassignTo() != null) {
            parts.add("to " + p.escalation().reassignTo());
        }
        if (p.escalation().alert()) {
            parts.add("alert");
        }
        return parts.isEmpty() ? "event only" : String.join(", ", parts);
    }

    /** {@code 30h}, {@code 4h30m}, {@code 30m}: hours, since targets are business time (no 24-hour days). */
    static String compact(Duration d) {
        StringBuilder b = new StringBuilder();
        if (d.toHours() > 0) {
            b.append(d.toHours()).append("h");
        }
        if (d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append("m");
        }
        return b.isEmpty() ? "0m" : b.toString();
    }

    /** Parses {@code 1d4h30m}, {@code 8h}, or ISO {@code PT8H}; the message names the field. */
    static Duration duration(String field, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            var m = java.util.regex.Pattern.compile("(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m)?").matcher(t);
            if (!t.isEmpty() && m.matches()) {
                return Duration.ofDays(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                        .plusHours(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                        .plusMinutes(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
            }
        } catch (RuntimeException e) {
            // named below
        }
        throw new IllegalArgumentException(field + ": a duration such as 4h, 30m, 2d or PT4H, was '" + text + "'");
    }

    private void load() {
        IncidentsAdmin a = admin;
        Background.run(ui, "Reading SLA policies", false,
                () -> new Object[]{a.policies(principal), a.calendar(principal)}, loaded -> {
                    if (root.isDisposed()) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    List<SlaPolicy> list = (List<SlaPolicy>) loaded[0];
                    policies.clear();
                    policies.addAll(list);
                    table.setRows(List.copyOf(policies));
                    if (!list.isEmpty()) {
                        fill(list.get(0));
                    }
                    show((BusinessCalendar) loaded[1]);
                    message.info(list.size() + " policies");
                    relayout();
                }, e -> message.error(Background.message(e)));
    }

    /** Lays the form out again and lets the scroller reach all of it (the loaded texts change its size). */
    private void relayout() {
        root.layout(true, true);
        scroller.setMinSize(root.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private void fill(SlaPolicy p) {
        name.setText(p.name());
        priority.select(p.priority().ordinal());
        category.setText(p.category() == null ? "" : p.category());
        response.setText(compact(p.response()));
        resolution.setText(compact(p.resolution()));
        warn.setText(Integer.toString(p.warnPercent()));
        raise.setSelection(p.escalation().raisePriority());
        reassign.setText(p.escalation().reassignTo() == null ? "" : p.escalation().reassignTo());
        alert.setSelection(p.escalation().alert());
    }

    private void show(BusinessCalendar c) {
        zone.setText(c.zone().getId());
        days.forEach((d, b) -> b.setSelection(c.workingDays().contains(d)));
        hours.setText(c.start() + "-" + (c.end().equals(LocalTime.MAX) ? "24:00" : c.end().toString()));
        holidays.setText(new TreeSet<>(c.holidays()).stream().map(LocalDate::toString)
                .collect(Collectors.joining("\n")));
    }

    private void apply() {
        try {
            int w;
            try {
                w = Integer.parseInt(warn.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("warnPercent: a number 1..99, was '" + warn.getText() + "'");
            }
            SlaPolicy p = new SlaPolicy(name.getText().strip(), Priority.values()[priority.getSelectionIndex()],
                    category.getText(), duration("response", response.getText()),
                    duration("resolution", resolution.getText()), w, new SlaPolicy.Escalation(raise.getSelection(),
                            reassign.getText().isBlank() ? null : reassign.getText().strip(), alert.getSelection()));
            policies.removeIf(x -> x.name().equals(p.name()));
            policies.add(p);
            table.setRows(List.copyOf(policies));
            message.info("Changed " + p.name() + " in the list; Save policies to keep it");
        } catch (IllegalArgumentException e) {
            message.error(e.getMessage());
        }
    }

    private void remove() {
        String n = name.getText().strip();
        policies.removeIf(x -> x.name().equals(n));
        table.setRows(List.copyOf(policies));
    }

    private void savePolicies() {
        List<SlaPolicy> all = List.copyOf(policies);
        Background.run(ui, "Saving SLA policies", true, () -> {
            admin.savePolicies(principal, all);
            return all.size();
        }, n -> message.info("Saved " + n + " policies"), e -> message.error(Background.message(e)));
    }

    private void saveCalendar() {
        BusinessCalendar c;
        try {
            ZoneId z;
            try {
                z = ZoneId.of(zone.getText().strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("zone: not a time zone: '" + zone.getText() + "'");
            }
            Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
            days.forEach((d, b) -> {
                if (b.getSelection()) {
                    working.add(d);
                }
            });
            String[] h = hours.getText().strip().split("\\s*-\\s*");
            LocalTime start;
            LocalTime end;
            try {
                start = LocalTime.parse(h[0]);
                end = h[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(h[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("hours: HH:MM-HH:MM, was '" + hours.getText() + "'");
            }
            Set<LocalDate> off = new TreeSet<>();
            for (String line : holidays.getText().split("[\\s,]+")) {
                if (!line.isBlank()) {
                    try {
                        off.add(LocalDate.parse(line.strip()));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("holidays: YYYY-MM-DD, was '" + line + "'");
                    }
                }
            }
            c = new BusinessCalendar(z, working, start, end, off);
        } catch (IllegalArgumentException e) {
            message.error(e.getMessage());
            return;
        }
        BusinessCalendar calendar = c;
        Background.run(ui, "Saving the calendar", true, () -> {
            admin.saveCalendar(principal, calendar);
            return calendar;
        }, x -> message.info("Saved the calendar"), e -> message.error(Background.message(e)));
    }
}
