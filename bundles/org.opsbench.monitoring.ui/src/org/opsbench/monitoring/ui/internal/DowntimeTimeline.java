package org.opsbench.monitoring.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.opsbench.monitoring.Downtime;
import org.opsbench.workbench.WorkbenchIds;

/**
 * The maintenance windows of a day or a week as bars, one row per host or check: running ones orange, planned ones
 * blue, past ones grey, and a red line at now.
 */
final class DowntimeTimeline {

    static final RGB ACTIVE = new RGB(0xe0, 0x70, 0x2b);
    static final RGB PLANNED = new RGB(0x3b, 0x7d, 0xd8);
    static final RGB PAST = new RGB(0xa0, 0xa6, 0xaf);
    private static final int LABELS = 170;
    private static final int ROW = 24;

    private final Canvas canvas;
    private ZoneId zone = ZoneId.systemDefault();
    private Instant from = Instant.now();
    private Instant to = from.plusSeconds(86_400);
    private List<Downtime> downtimes = List.of();
    private int drawnBars;

    DowntimeTimeline(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(WorkbenchIds.WIDGET_ID, "maintenance.timeline");
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
    }

    Canvas control() {
        return canvas;
    }

    void show(Instant start, Instant end, List<Downtime> windows) {
        from = start;
        to = end;
        downtimes = List.copyOf(windows);
        canvas.redraw();
    }

    /** Bars drawn at the last paint (for tests). */
    int drawnBars() {
        return drawnBars;
    }

    static RGB colour(Downtime d, Instant now) {
        return d.covers(now) ? ACTIVE : d.end().isAfter(now) ? PLANNED : PAST;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        RGB bg = canvas.getBackground().getRGB();
        boolean dark = (bg.red * 299 + bg.green * 587 + bg.blue * 114) / 1000 < 128;
        Color text = new Color(dark ? new RGB(0xdc, 0xe0, 0xe6) : new RGB(0x30, 0x34, 0x3b));
        Color grid = new Color(dark ? new RGB(0x3c, 0x42, 0x4b) : new RGB(0xe0, 0xe3, 0xe8));
        gc.setBackground(canvas.getBackground());
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        int fh = gc.getFontMetrics().getHeight();
        int top = fh + 8;
        Instant now = Instant.now();
        int left = area.x + LABELS;
        int width = Math.max(10, area.width - LABELS - 12);
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        boolean week = span > 86_400_000L + 3_600_000L;
        // columns: every 2 hours of a day, every day of a week
        ZonedDateTime tick = from.atZone(zone).withMinute(0).withSecond(0).withNano(0);
        DateTimeFormatter label = DateTimeFormatter.ofPattern(week ? "EEE d MMM" : "HH:mm",
                Locale.getDefault(Locale.Category.FORMAT));
        while (tick.toInstant().isBefore(to)) {
            int x = left + (int) ((tick.toInstant().toEpochMilli() - from.toEpochMilli()) * width / span);
            if (!tick.toInstant().isBefore(from)) {
                gc.setForeground(grid);
                gc.drawLine(x, top, x, area.height - 4);
                gc.setForeground(text);
                gc.drawString(label.format(tick), x + 3, 2, true);
            }
            tick = week ? tick.plusDays(1) : tick.plusHours(2);
        }
        if (now.isAfter(from) && now.isBefore(to)) {
            int x = left + (int) ((now.toEpochMilli() - from.toEpochMilli()) * width / span);
            gc.setForeground(new Color(0xd0, 0x3b, 0x3b));
            gc.setLineWidth(2);
            gc.drawLine(x, top - 2, x, area.height - 4);
            gc.setLineWidth(1);
        }
        TreeSet<String> targets = new TreeSet<>();
        downtimes.forEach(d -> targets.add(d.target().toString()));
        int bars = 0;
        int row = 0;
        int fit = Math.max(1, (area.height - top - 4) / ROW);
        for (String target : targets) {
            if (row == fit - 1 && targets.size() > fit) {
                gc.setForeground(text);
                gc.drawString("+" + (targets.size() - row) + " more (see the list)", area.x + 6,
                        top + row * ROW + 4, true);
                break;
            }
            int y = top + row * ROW;
            gc.setForeground(grid);
            gc.drawLine(area.x, y + ROW, area.x + area.width, y + ROW);
            gc.setForeground(text);
            gc.drawString(target, area.x + 6, y + (ROW - fh) / 2, true);
            for (Downtime d : downtimes) {
                if (!d.target().toString().equals(target) || !d.end().isAfter(from) || !d.start().isBefore(to)) {
                    continue;
                }
                long a = Math.max(d.start().toEpochMilli(), from.toEpochMilli()) - from.toEpochMilli();
                long b = Math.min(d.end().toEpochMilli(), to.toEpochMilli()) - from.toEpochMilli();
                int x0 = left + (int) (a * width / span);
                int x1 = Math.max(x0 + 6, left + (int) (b * width / span));
                gc.setBackground(new Color(colour(d, now)));
                gc.fillRoundRectangle(x0, y + 4, x1 - x0, ROW - 8, 6, 6);
                gc.setForeground(new Color(255, 255, 255));
                gc.setClipping(x0, y, x1 - x0, ROW);
                gc.drawString(d.comment(), x0 + 4, y + (ROW - fh) / 2, true);
                gc.setClipping((Rectangle) null);
                bars++;
            }
            row++;
        }
        if (targets.isEmpty()) {
            gc.setForeground(text);
            gc.drawString("No maintenance windows in this range", left + 8, top + 8, true);
        }
        drawnBars = bars;
    }
}
