package org.opsbench.workbench.internal.chart;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.opsbench.workbench.widgets.TimeSeriesChart;

/** The box beside the mouse: the time under it and each series' nearest point (avg with min–max for rollups). */
final class Readout {

    private Readout() {
    }

    static void draw(GC gc, Rectangle plot, long time, ChartPainter.Frame frame,
            List<List<TimeSeriesChart.Point>> visible, Color text, Color grid, RGB background, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        List<Integer> colours = new ArrayList<>();
        long shown = time;
        for (int i = 0; i < visible.size(); i++) {
            TimeSeriesChart.Point p = nearest(visible.get(i), time);
            if (p == null) {
                continue;
            }
            if (lines.isEmpty()) {
                shown = p.time();
                lines.add(ChartPainter.timeOf(p.time(), zone));
                colours.add(-1);
            }
            String unit = frame.series().get(i).unit();
            String line = frame.series().get(i).name() + " " + value(p.value(), unit);
            if (p.hasBand()) {
                line += "  (" + value(p.min(), "") + " – " + value(p.max(), unit) + ")";
            }
            lines.add(line);
            colours.add(i);
        }
        if (lines.isEmpty()) {
            return;
        }
        int x = plot.x + (int) Math.round((shown - frame.from()) * (double) plot.width / (frame.to() - frame.from()));
        gc.setForeground(text);
        gc.setAlpha(110);
        gc.drawLine(x, plot.y, x, plot.y + plot.height);
        gc.setAlpha(255);
        int fh = gc.getFontMetrics().getHeight();
        int width = 0;
        for (String l : lines) {
            width = Math.max(width, gc.textExtent(l).x);
        }
        width += 26;
        int height = lines.size() * fh + 8;
        int bx = x + 12 + width > plot.x + plot.width ? x - 12 - width : x + 12;
        int by = plot.y + 8;
        gc.setBackground(new Color(background));
        gc.fillRectangle(bx, by, width, height);
        gc.setForeground(grid);
        gc.drawRectangle(bx, by, width, height);
        for (int i = 0; i < lines.size(); i++) {
            int ly = by + 4 + i * fh;
            int c = colours.get(i);
            if (c >= 0) {
                gc.setBackground(new Color(ChartPainter.PALETTE[c % ChartPainter.PALETTE.length]));
                gc.fillRectangle(bx + 6, ly + (fh - 8) / 2, 8, 8);
            }
            gc.setForeground(text);
            gc.drawString(lines.get(i), bx + (c >= 0 ? 20 : 6), ly, true);
        }
    }

    /** The point nearest to {@code time} of points in time order, or null. */
    static TimeSeriesChart.Point nearest(List<TimeSeriesChart.Point> points, long time) {
        if (points.isEmpty()) {
            return null;
        }
        int lo = 0;
        int hi = points.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).time() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && time - points.get(lo - 1).time() <= points.get(lo).time() - time) {
            return points.get(lo - 1);
        }
        return points.get(lo);
    }

    /** A value with three significant digits, an SI prefix from 10,000 on, and its unit. */
    static String value(double v, String unit) {
        int prefix = Ticks.prefix(v);
        double s = v / Math.pow(1000, prefix);
        double a = Math.abs(s);
        int decimals = a == 0 ? 0 : (int) Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(a))));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", s) + Ticks.SI[prefix];
        return unit == null || unit.isEmpty() ? text : text + " " + unit;
    }
}
