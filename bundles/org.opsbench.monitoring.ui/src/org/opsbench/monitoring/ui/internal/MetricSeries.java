package org.opsbench.monitoring.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opsbench.monitoring.CheckDefinition;
import org.opsbench.monitoring.MetricHistory;
import org.opsbench.monitoring.Range;
import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.RollupPoint;
import org.opsbench.monitoring.metrics.Sample;
import org.opsbench.workbench.widgets.TimeSeriesChart;

/** Turns what {@code Monitoring.metrics} returns and a check's thresholds into what the chart draws. */
public final class MetricSeries {

    private MetricSeries() {
    }

    /**
     * One chart series per metric (or only {@code metric}, when not null): raw samples as points, rollups as their
     * average at the bucket's middle with the min/max band.
     */
    public static List<TimeSeriesChart.Series> series(List<MetricHistory> histories, String metric) {
        List<TimeSeriesChart.Series> out = new ArrayList<>();
        for (MetricHistory h : histories) {
            if (metric != null && !metric.equals(h.metric())) {
                continue;
            }
            List<TimeSeriesChart.Point> points = new ArrayList<>();
            if (h.data().resolution() == Resolution.RAW) {
                for (Sample s : h.data().samples()) {
                    points.add(TimeSeriesChart.Point.of(s.epochMillis(), s.value()));
                }
            } else {
                long half = h.data().resolution().bucketMillis() / 2;
                for (RollupPoint p : h.data().points()) {
                    points.add(new TimeSeriesChart.Point(p.start() + half, p.avg(), p.min(), p.max()));
                }
            }
            out.add(new TimeSeriesChart.Series(h.metric(), h.unit(), points));
        }
        return out;
    }

    /** What the chart shows, for its caption: the resolution the store picked and how many points. */
    public static String caption(List<MetricHistory> histories, String metric) {
        Resolution coarsest = null;
        int points = 0;
        for (MetricHistory h : histories) {
            if (metric == null || metric.equals(h.metric())) {
                points += h.data().size();
                if (coarsest == null || h.data().resolution().ordinal() > coarsest.ordinal()) {
                    coarsest = h.data().resolution();
                }
            }
        }
        if (coarsest == null) {
            return "";
        }
        String what = switch (coarsest) {
            case RAW -> "raw samples";
            case FIVE_MINUTES -> "5-minute averages, min–max band";
            case ONE_HOUR -> "1-hour averages, min–max band";
        };
        return what + ", " + points + (points == 1 ? " point" : " points");
    }

    /**
     * The lines of a check's thresholds (Nagios ranges): each finite bound of the warning and critical range, except
     * the implicit 0 of {@code 500} (which means 0..500). Empty when there are none.
     */
    public static List<TimeSeriesChart.Threshold> thresholds(CheckDefinition.Thresholds t) {
        List<TimeSeriesChart.Threshold> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        add(out, t.warning(), "warning", TimeSeriesChart.Threshold.Level.WARNING);
        add(out, t.critical(), "critical", TimeSeriesChart.Threshold.Level.CRITICAL);
        return out;
    }

    private static void add(List<TimeSeriesChart.Threshold> out, String text, String name,
            TimeSeriesChart.Threshold.Level level) {
        if (text == null || text.isBlank()) {
            return;
        }
        Range r;
        try {
            r = Range.parse(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (Double.isFinite(r.start()) && (r.start() != 0 || r.inside())) {
            out.add(new TimeSeriesChart.Threshold(name + (r.inside() ? " from " : " below ") + number(r.start()),
                    r.start(), level));
        }
        if (Double.isFinite(r.end())) {
            out.add(new TimeSeriesChart.Threshold(name + (r.inside() ? " to " : " above ") + number(r.end()), r.end(),
                    level));
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
