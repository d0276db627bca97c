package org.opsbench.workbench.widgets;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.opsbench.workbench.WorkbenchIds;
import org.opsbench.workbench.internal.chart.ChartPainter;

/**
 * A time-series chart drawn with SWT: time and value axes with round ticks, several series, the min/max band of rollup
 * points, warning and critical threshold lines, and a time window chosen by presets (1 h, 6 h, 24 h, 7 d, 30 d) or by
 * dragging a range on the plot (double-click or "Reset zoom" goes back to the preset).
 * <p>
 * The chart holds no data source: it tells its {@link RangeListener}s which window to show, the owner fetches the data
 * for it (in a Job, at about {@link #maxPoints()} points) and hands it over with {@link #setSeries(List)} on the UI
 * thread. What the last paint drew is readable for tests ({@link #drawnPoints()}, {@link #drawnBands()},
 * {@link #drawnThresholds()}). Widgets are named {@code id + ".canvas"}, {@code id + ".preset.24h"} and
 * {@code id + ".reset"} for UI tests.
 */
public final class TimeSeriesChart {

    /** The preset windows, shortest first. */
    public static final List<Duration> PRESETS = List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24),
            Duration.ofDays(7), Duration.ofDays(30));

    /**
     * One point: a raw sample ({@code min} and {@code max} NaN), or a rollup with its average as {@code value}.
     *
     * @param time
     *            epoch milliseconds (a rollup's middle)
     * @param value
     *            the sample, or the average
     * @param min
     *            the rollup's smallest value, or NaN
     * @param max
     *            the rollup's largest value, or NaN
     */
    public record Point(long time, double value, double min, double max) {

        /** A raw sample. */
        public static Point of(long time, double value) {
            return new Point(time, value, Double.NaN, Double.NaN);
        }

        /** Whether it carries a min/max band. */
        public boolean hasBand() {
            return !Double.isNaN(min) && !Double.isNaN(max);
        }
    }

    /**
     * One line of the chart.
     *
     * @param name
     *            shown in the legend
     * @param unit
     *            of the values, empty when none
     * @param points
     *            in time order
     */
    public record Series(String name, String unit, List<Point> points) {

        /** Copies the points. */
        public Series {
            unit = unit == null ? "" : unit;
            points = List.copyOf(points);
        }
    }

    /**
     * A horizontal limit line.
     *
     * @param label
     *            shown at the line, for example {@code warning 500}
     * @param value
     *            where
     * @param level
     *            its colour
     */
    public record Threshold(String label, double value, Level level) {

        /** How bad crossing it is. */
        public enum Level {
            /** Drawn amber. */
            WARNING,
            /** Drawn red. */
            CRITICAL
        }
    }

    /** Told when the window to show changed: fetch the data of {@code [from, to)} and call {@link #setSeries}. */
    @FunctionalInterface
    public interface RangeListener {
        /** The new window, epoch milliseconds. */
        void rangeChanged(long from, long to);
    }

    private final Composite composite;
    private final Canvas canvas;
    private final Map<Duration, Button> presets = new LinkedHashMap<>();
    private final Button reset;
    private final List<RangeListener> listeners = new ArrayList<>();
    private ZoneId zone = ZoneId.systemDefault();
    private Duration preset = Duration.ofHours(6);
    private long from;
    private long to;
    private boolean zoomed;
    private List<Series> series = List.of();
    private List<Threshold> thresholds = List.of();
    private String caption = "";
    private String message = "";
    private int dragStart = -1;
    private int dragEnd = -1;
    private int hoverX = -1;
    private ChartPainter.Rendered last;

    /** Creates the preset bar and the plot in a new composite of {@code parent}, named {@code id}. */
    public TimeSeriesChart(Composite parent, String id) {
        composite = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(PRESETS.size() + 2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        composite.setLayout(layout);
        composite.setData(WorkbenchIds.WIDGET_ID, id);
        Label range = new Label(composite, SWT.NONE);
        range.setText("Range:");
        for (Duration d : PRESETS) {
            Button b = new Button(composite, SWT.TOGGLE);
            b.setText(label(d));
            b.setData(WorkbenchIds.WIDGET_ID, id + ".preset." + label(d).replace(" ", ""));
            b.addListener(SWT.Selection, e -> setPreset(d));
            presets.put(d, b);
        }
        reset = new Button(composite, SWT.PUSH);
        reset.setText("Reset zoom");
        reset.setData(WorkbenchIds.WIDGET_ID, id + ".reset");
        reset.addListener(SWT.Selection, e -> resetZoom());
        canvas = new Canvas(composite, SWT.DOUBLE_BUFFERED);
        canvas.setData(WorkbenchIds.WIDGET_ID, id + ".canvas");
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, layout.numColumns, 1);
        gd.minimumHeight = 60;
        gd.heightHint = 200;
        canvas.setLayoutData(gd);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.addListener(SWT.MouseExit, e -> {
            hoverX = -1;
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> resetZoom());
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        long now = System.currentTimeMillis();
        from = now - preset.toMillis();
        to = now;
        updateButtons();
    }

    /** The composite holding the bar and the plot; give it layout data. */
    public Composite control() {
        return composite;
    }

    /** The plot. */
    public Canvas canvas() {
        return canvas;
    }

    /** Adds a listener told of every change of the window (preset, zoom, reset, {@link #follow()}). */
    public void addRangeListener(RangeListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Shows the last {@code window} up to now, ends a zoom, and tells the listeners. */
    public void setPreset(Duration window) {
        preset = window;
        zoomed = false;
        long now = System.currentTimeMillis();
        window(now - window.toMillis(), now);
    }

    /** Shows {@code [start, end)} (epoch milliseconds), a zoom inside the preset, and tells the listeners. */
    public void zoom(long start, long end) {
        if (end - start < 1000) {
            return;
        }
        zoomed = true;
        window(start, end);
    }

    /** Back to the preset window, up to now. */
    public void resetZoom() {
        setPreset(preset);
    }

    /** Moves the preset window up to now (for a periodic refresh); a zoomed window stays where it is. */
    public void follow() {
        if (zoomed) {
            fire();
        } else {
            setPreset(preset);
        }
    }

    private void window(long start, long end) {
        from = start;
        to = end;
        updateButtons();
        canvas.redraw();
        fire();
    }

    private void fire() {
        for (RangeListener l : List.copyOf(listeners)) {
            l.rangeChanged(from, to);
        }
    }

    /** Replaces the data. Call on the UI thread. */
    public void setSeries(List<Series> data) {
        series = List.copyOf(data);
        redraw();
    }

    /** Replaces the threshold lines. */
    public void setThresholds(List<Threshold> lines) {
        thresholds = List.copyOf(lines);
        redraw();
    }

    /** The note at the top right, for example the resolution of the data. */
    public void setCaption(String text) {
        caption = text == null ? "" : text;
        redraw();
    }

    /** What the plot says while it has no point in the window ("Loading…", an error); empty for the default. */
    public void setMessage(String text) {
        message = text == null ? "" : text;
        redraw();
    }

    /** The time zone of the time axis (the system's by default). */
    public void setZone(ZoneId timeZone) {
        zone = Objects.requireNonNull(timeZone);
        redraw();
    }

    /** Start of the window, epoch milliseconds. */
    public long from() {
        return from;
    }

    /** End of the window, epoch milliseconds. */
    public long to() {
        return to;
    }

    /** The preset in use (or the one a reset returns to). */
    public Duration preset() {
        return preset;
    }

    /** Whether a dragged range is shown rather than the preset. */
    public boolean zoomed() {
        return zoomed;
    }

    /** How many points are worth fetching: one per pixel column of the plot. */
    public int maxPoints() {
        int width = last != null ? last.plot().width : canvas.getClientArea().width - 80;
        return Math.max(100, Math.min(4000, width));
    }

    /** The points handed over, over all series. */
    public int pointCount() {
        return series.stream().mapToInt(s -> s.points().size()).sum();
    }

    /** The points inside the window at the last paint, over all series. */
    public int drawnPoints() {
        return last == null ? 0 : last.points();
    }

    /** The min/max band segments drawn at the last paint. */
    public int drawnBands() {
        return last == null ? 0 : last.bands();
    }

    /** The threshold lines drawn on the scale at the last paint (those far off it are only named). */
    public int drawnThresholds() {
        return last == null ? 0 : last.thresholds();
    }

    /** The labelled values of the value axis at the last paint. */
    public double[] valueTicks() {
        return last == null ? new double[0] : last.values().ticks().clone();
    }

    /** The labels of the time axis at the last paint. */
    public String[] timeLabels() {
        return last == null ? new String[0] : last.times().labels().clone();
    }

    private void redraw() {
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    private void paint(Event e) {
        e.gc.setBackground(canvas.getBackground());
        last = ChartPainter.paint(e.gc, canvas.getClientArea(), new ChartPainter.Frame(from, to, series, thresholds,
                caption, message, zone, dragStart, dragStart >= 0 ? dragEnd : -1, hoverX));
    }

    private boolean inPlot(int x) {
        return last != null && x >= last.plot().x && x <= last.plot().x + last.plot().width;
    }

    private void mouseDown(Event e) {
        if (e.button == 1 && inPlot(e.x)) {
            dragStart = e.x;
            dragEnd = e.x;
        }
    }

    private void mouseMove(Event e) {
        if (dragStart >= 0) {
            dragEnd = Math.max(last.plot().x, Math.min(e.x, last.plot().x + last.plot().width));
        } else {
            hoverX = e.x;
        }
        canvas.redraw();
    }

    private void mouseUp(Event e) {
        if (dragStart < 0) {
            return;
        }
        int a = Math.min(dragStart, dragEnd);
        int b = Math.max(dragStart, dragEnd);
        dragStart = -1;
        dragEnd = -1;
        canvas.redraw();
        if (b - a >= 6 && last != null) {
            zoom(last.timeAt(a), last.timeAt(b));
        }
    }

    private void updateButtons() {
        presets.forEach((d, b) -> b.setSelection(!zoomed && d.equals(preset)));
        reset.setEnabled(zoomed);
    }

    private static String label(Duration d) {
        return d.toDays() >= 1 && d.toHours() % 24 == 0 && d.toDays() != 1 ? d.toDays() + " d" : d.toHours() + " h";
    }
}
