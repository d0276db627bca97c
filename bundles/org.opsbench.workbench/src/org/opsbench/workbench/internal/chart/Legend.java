package org.opsbench.workbench.internal.chart;

import java.util.List;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.opsbench.workbench.widgets.TimeSeriesChart;

/** The line above the plot: each series with its colour and latest value, and the caption on the right. */
final class Legend {

    private Legend() {
    }

    static void draw(GC gc, Rectangle area, ChartPainter.Frame frame, List<List<TimeSeriesChart.Point>> visible,
            List<TimeSeriesChart.Threshold> offScale, Color text) {
        int x = area.x + 8;
        int y = area.y + 4;
        int fh = gc.getFontMetrics().getHeight();
        for (int i = 0; i < frame.series().size(); i++) {
            TimeSeriesChart.Series s = frame.series().get(i);
            List<TimeSeriesChart.Point> points = visible.get(i);
            gc.setBackground(new Color(ChartPainter.PALETTE[i % ChartPainter.PALETTE.length]));
            gc.fillRectangle(x, y + (fh - 10) / 2, 10, 10);
            x += 14;
            String label = s.name();
            if (!points.isEmpty()) {
                label += " " + Readout.value(points.get(points.size() - 1).value(), s.unit());
            }
            gc.setForeground(text);
            gc.drawString(label, x, y, true);
            x += gc.textExtent(label).x + 16;
        }
        StringBuilder caption = new StringBuilder(frame.caption());
        for (TimeSeriesChart.Threshold t : offScale) {
            caption.append(caption.isEmpty() ? "" : "  ·  ").append(t.label()).append(" (off scale)");
        }
        if (!caption.isEmpty()) {
            String c = caption.toString();
            Point e = gc.textExtent(c);
            gc.setForeground(text);
            gc.drawString(c, Math.max(x, area.x + area.width - e.x - 16), y, true);
        }
    }
}
