package org.opsbench.workbench.internal.chart;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.opsbench.workbench.widgets.TimeSeriesChart;

/**
 * Paints one frame of a {@link TimeSeriesChart}: axes with value and time ticks, each series as a line (with its
 * min/max band when the points are rollups), threshold lines, the drag selection and the hover readout. Reports what it
 * drew, for the widget (mapping pixels back to times) and for tests.
 */
public final class ChartPainter {

    /** The series colours, in order. */
    static final RGB[] PALETTE = {new RGB(0x3b, 0x7d, 0xd8), new RGB(0x16, 0x9c, 0x8c), new RGB(0x8e, 0x5b, 0xb5),
            new RGB(0xe0, 0x70, 0x2b), new RGB(0x6b, 0x8e, 0x23), new RGB(0xc2, 0x3b, 0x8a)};
    static final RGB WARNING = new RGB(0xd9, 0x9a, 0x06);
    static final RGB CRITICAL = new RGB(0xd0, 0x3b, 0x3b);

    /** What to draw. {@code selection} and {@code hoverX} are pixel positions, -1 when none. */
    public record Frame(long from, long to, List<TimeSeriesChart.Series> series,
            List<TimeSeriesChart.Threshold> thresholds, String caption, String message, ZoneId zone,
            int selectionStart, int selectionEnd, int hoverX) {
    }

    /**
     * What was drawn: the plot area, the axes, how many data points and rollup bands fell in the window, how many
     * threshold lines were drawn on the scale and how many lay off it.
     */
    public record Rendered(Rectangle plot, Ticks.ValueAxis values, Ticks.TimeAxis times, long from, long to,
            int points, int bands, int thresholds, int offScale) {

        /** The time at pixel column {@code x}, clamped to the window. */
        public long timeAt(int x) {
            if (plot.width <= 0) {
                return from;
            }
            double f = Math.max(0, Math.min(1, (x - plot.x) / (double) plot.width));
            return from + Math.round(f * (to - from));
        }
    }

    private ChartPainter() {
    }

    /** Paints {@code frame} into {@code area} of {@code gc}, whose background is the widget's. */
    public static Rendered paint(GC gc, Rectangle area, Frame frame) {
        RGB background = gc.getBackground().getRGB();
        boolean dark = (background.red * 299 + background.green * 587 + background.blue * 114) / 1000 < 128;
        Color text = new Color(dark ? new RGB(0xdc, 0xe0, 0xe6) : new RGB(0x30, 0x34, 0x3b));
        Color grid = new Color(dark ? new RGB(0x3c, 0x42, 0x4b) : new RGB(0xe6, 0xe8, 0xec));
        Color axis = new Color(dark ? new RGB(0x70, 0x76, 0x80) : new RGB(0xa0, 0xa6, 0xaf));
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        int fh = gc.getFontMetrics().getHeight();
        long from = frame.from();
        long to = Math.max(frame.to(), from + 1);

        List<List<TimeSeriesChart.Point>> visible = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TimeSeriesChart.Series s : frame.series()) {
            List<TimeSeriesChart.Point> in = new ArrayList<>();
            for (TimeSeriesChart.Point p : s.points()) {
                if (p.time() >= from && p.time() <= to && Double.isFinite(p.value())) {
                    in.add(p);
                    lo = Math.min(lo, p.hasBand() ? Math.min(p.min(), p.value()) : p.value());
                    hi = Math.max(hi, p.hasBand() ? Math.max(p.max(), p.value()) : p.value());
                }
            }
            visible.add(in);
        }
        int points = visible.stream().mapToInt(List::size).sum();
        boolean empty = points == 0;
        if (empty) {
            lo = 0;
            hi = 1;
        }
        // thresholds within three spans of the data widen the scale; far ones (a 10 s limit on a 1 ms figure) are only
        // named
        double span = Math.max(hi - lo, Math.max(Math.abs(hi) * 0.1, 1e-9));
        List<TimeSeriesChart.Threshold> onScale = new ArrayList<>();
        List<TimeSeriesChart.Threshold> offScale = new ArrayList<>();
        for (TimeSeriesChart.Threshold t : frame.thresholds()) {
            if (!empty && t.value() >= lo - 3 * span && t.value() <= hi + 3 * span) {
                onScale.add(t);
            } else {
                offScale.add(t);
            }
        }
        for (TimeSeriesChart.Threshold t : onScale) {
            lo = Math.min(lo, t.value());
            hi = Math.max(hi, t.value());
        }
        if (lo >= 0 && lo <= 0.6 * hi) {
            lo = 0;
        }

        int legendHeight = frame.series().isEmpty() && frame.caption().isEmpty() ? 0 : fh + 6;
        int top = area.y + 6 + legendHeight;
        int bottom = area.y + area.height - fh - 8;
        int plotHeight = Math.max(10, bottom - top);
        Ticks.ValueAxis values = Ticks.values(lo, hi, Math.max(2, plotHeight / 36));
        int labelWidth = 0;
        for (double v : values.ticks()) {
            labelWidth = Math.max(labelWidth, gc.textExtent(values.label(v)).x);
        }
        int left = area.x + 8 + labelWidth + 6;
        Rectangle plot = new Rectangle(left, top, Math.max(10, area.x + area.width - 16 - left), plotHeight);
        Ticks.TimeAxis times = Ticks.time(from, to, Math.max(2, plot.width / 110), frame.zone());
        Scale scale = new Scale(plot, from, to, values.lower(), values.upper());

        gc.setLineWidth(1);
        for (double v : values.ticks()) {
            int y = scale.y(v);
            gc.setForeground(grid);
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setForeground(text);
            String label = values.label(v);
            Point e = gc.textExtent(label);
            gc.drawString(label, plot.x - 6 - e.x, y - e.y / 2, true);
        }
        for (int i = 0; i < times.ticks().length; i++) {
            int x = scale.x(times.ticks()[i]);
            gc.setForeground(grid);
            gc.drawLine(x, plot.y, x, plot.y + plot.height);
            gc.setForeground(text);
            Point e = gc.textExtent(times.labels()[i]);
            int lx = Math.max(area.x + 2, Math.min(x - e.x / 2, area.x + area.width - e.x - 2));
            gc.drawString(times.labels()[i], lx, plot.y + plot.height + 4, true);
        }
        gc.setForeground(axis);
        gc.drawRectangle(plot);

        int bands = 0;
        gc.setClipping(plot);
        for (int i = 0; i < visible.size(); i++) {
            Color color = new Color(PALETTE[i % PALETTE.length]);
            bands += drawSeries(gc, scale, visible.get(i), color);
        }
        for (TimeSeriesChart.Threshold t : onScale) {
            gc.setForeground(new Color(t.level() == TimeSeriesChart.Threshold.Level.CRITICAL ? CRITICAL : WARNING));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.setLineWidth(1);
            int y = scale.y(t.value());
            gc.drawLine(plot.x, y, plot.x + plot.width, y);
            gc.setLineStyle(SWT.LINE_SOLID);
            String label = t.label();
            Point e = gc.textExtent(label);
            // above its line, or below it when the line runs along the top of the plot
            int ly = y - e.y - 1 < plot.y ? y + 2 : y - e.y - 1;
            gc.drawString(label, plot.x + plot.width - e.x - 4, ly, true);
        }
        if (frame.selectionStart() >= 0 && frame.selectionEnd() >= 0) {
            gc.setBackground(new Color(PALETTE[0]));
            gc.setAlpha(60);
            int x0 = Math.min(frame.selectionStart(), frame.selectionEnd());
            gc.fillRectangle(x0, plot.y, Math.abs(frame.selectionEnd() - frame.selectionStart()), plot.height);
            gc.setAlpha(255);
        }
        gc.setClipping((Rectangle) null);

        if (empty) {
            String message = frame.message() == null || frame.message().isEmpty()
                    ? "No data in this range"
                    : frame.message();
            gc.setForeground(text);
            Point e = gc.textExtent(message);
            gc.drawString(message, plot.x + (plot.width - e.x) / 2, plot.y + (plot.height - e.y) / 2, true);
        } else if (frame.hoverX() >= plot.x && frame.hoverX() <= plot.x + plot.width
                && frame.selectionStart() < 0) {
            Readout.draw(gc, plot, scale.time(frame.hoverX()), frame, visible, text, grid, background, frame.zone());
        }
        Legend.draw(gc, area, frame, visible, offScale, text);
        return new Rendered(plot, values, times, from, to, points, bands, onScale.size(), offScale.size());
    }

    /** Draws one series: its band and line in segments split at gaps; returns the number of band segments. */
    private static int drawSeries(GC gc, Scale scale, List<TimeSeriesChart.Point> points, Color color) {
        if (points.isEmpty()) {
            return 0;
        }
        long gap = 3 * medianStep(points);
        int bands = 0;
        int start = 0;
        boolean sparse = points.size() <= scale.plot().width / 8;
        for (int i = 1; i <= points.size(); i++) {
            if (i == points.size() || points.get(i).time() - points.get(i - 1).time() > gap) {
                List<TimeSeriesChart.Point> segment = points.subList(start, i);
                if (segment.get(0).hasBand()) {
                    int[] polygon = new int[segment.size() * 4];
                    for (int k = 0; k < segment.size(); k++) {
                        TimeSeriesChart.Point p = segment.get(k);
                        polygon[2 * k] = scale.x(p.time());
                        polygon[2 * k + 1] = scale.y(p.max());
                        int back = polygon.length - 2 - 2 * k;
                        polygon[back] = scale.x(p.time());
                        polygon[back + 1] = scale.y(p.min());
                    }
                    gc.setBackground(color);
                    gc.setAlpha(64);
                    gc.fillPolygon(polygon);
                    gc.setAlpha(255);
                    bands++;
                }
                int[] line = new int[segment.size() * 2];
                for (int k = 0; k < segment.size(); k++) {
                    line[2 * k] = scale.x(segment.get(k).time());
                    line[2 * k + 1] = scale.y(segment.get(k).value());
                }
                gc.setForeground(color);
                gc.setLineWidth(2);
                if (segment.size() > 1) {
                    gc.drawPolyline(line);
                }
                if (sparse || segment.size() <= 3) {
                    gc.setBackground(color);
                    for (int k = 0; k < line.length; k += 2) {
                        gc.fillOval(line[k] - 3, line[k + 1] - 3, 6, 6);
                    }
                }
                start = i;
            }
        }
        gc.setLineWidth(1);
        return bands;
    }

    /** The median time between neighbouring points; a minute when there is only one. */
    static long medianStep(List<TimeSeriesChart.Point> points) {
        if (points.size() < 2) {
            return 60_000;
        }
        long[] steps = new long[points.size() - 1];
        for (int i = 1; i < points.size(); i++) {
            steps[i - 1] = points.get(i).time() - points.get(i - 1).time();
        }
        Arrays.sort(steps);
        return Math.max(1, steps[steps.length / 2]);
    }

    static String timeOf(long at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.ofEpochMilli(at).atZone(zone));
    }

    /** Maps times and values to pixels of the plot. */
    record Scale(Rectangle plot, long from, long to, double lower, double upper) {

        int x(long time) {
            return plot.x + (int) Math.round((time - from) * (double) plot.width / (to - from));
        }

        int y(double value) {
            double f = (value - lower) / (upper - lower);
            return plot.y + plot.height - (int) Math.round(f * plot.height);
        }

        long time(int x) {
            return from + Math.round((x - plot.x) * (double) (to - from) / plot.width);
        }
    }
}
