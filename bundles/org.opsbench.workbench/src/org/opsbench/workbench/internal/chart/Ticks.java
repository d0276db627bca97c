package org.opsbench.workbench.internal.chart;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scale math of charts, free of SWT: "nice" value ticks (1, 2, 2.5 and 5 times a power of ten) and time ticks on
 * round local times (10:00, 10:15; midnights; Mondays), with their labels.
 */
public final class Ticks {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** Time steps a time axis may use, finest first. */
    static final long[] TIME_STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE,
            2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR,
            12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY};

    static final String[] SI = {"", "k", "M", "G", "T", "P"};

    private Ticks() {
    }

    /**
     * A value axis: {@code lower} and {@code upper} are the bounds drawn (multiples of {@code step} around the data),
     * {@code ticks} the values labelled.
     */
    public record ValueAxis(double lower, double upper, double step, double[] ticks) {

        /** The label of {@code value} on this axis. */
        public String label(double value) {
            return formatValue(value, step, Math.max(Math.abs(lower), Math.abs(upper)));
        }
    }

    /** A time axis: the tick times (epoch milliseconds) and their labels. */
    public record TimeAxis(long step, long[] ticks, String[] labels) {
    }

    /**
     * The "nice" step for about {@code span / maxTicks}: 1, 2, 2.5 or 5 times a power of ten, at least that large.
     */
    public static double niceStep(double span, int maxTicks) {
        if (!(span > 0) || Double.isInfinite(span)) {
            return 1;
        }
        double raw = span / Math.max(1, maxTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice;
        if (norm <= 1.000001) {
            nice = 1;
        } else if (norm <= 2.000001) {
            nice = 2;
        } else if (norm <= 2.500001) {
            nice = 2.5;
        } else if (norm <= 5.000001) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * magnitude;
    }

    /**
     * The axis for data from {@code min} to {@code max} with at most about {@code maxTicks} intervals. A flat series
     * gets some room around its value; NaN bounds give the axis 0..1.
     */
    public static ValueAxis values(double min, double max, int maxTicks) {
        if (Double.isNaN(min) || Double.isNaN(max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            min = 0;
            max = 1;
        }
        if (min > max) {
            double t = min;
            min = max;
            max = t;
        }
        if (min == max) {
            // a flat series: centred on an axis from zero (the common case of non-negative figures)
            if (min == 0) {
                max = 1;
            } else if (min > 0) {
                min = 0;
                max = 2 * max;
            } else {
                max = 0;
                min = 2 * min;
            }
        }
        double step = niceStep(max - min, Math.max(1, maxTicks));
        double lower = Math.floor(min / step + 1e-9) * step;
        double upper = Math.ceil(max / step - 1e-9) * step;
        if (upper <= lower) {
            upper = lower + step;
        }
        int n = (int) Math.round((upper - lower) / step);
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            // multiply instead of adding up, so that 0.1 + 0.2 errors do not pile up in labels
            ticks[i] = clean(lower + i * step, step);
        }
        return new ValueAxis(clean(lower, step), clean(upper, step), step, ticks);
    }

    /** The multiple of {@code step} nearest to {@code v}, computed in decimal so that 3 x 0.2 is 0.6. */
    private static double clean(double v, double step) {
        long n = Math.round(v / step);
        return n == 0 ? 0 : java.math.BigDecimal.valueOf(n).multiply(java.math.BigDecimal.valueOf(step)).doubleValue();
    }

    /**
     * The label of {@code value} on an axis of {@code step} whose largest bound is {@code magnitude}: as many decimals
     * as the step needs, and SI prefixes (k, M, G, T) from 10,000 on.
     */
    public static String formatValue(double value, double step, double magnitude) {
        int prefix = prefix(magnitude);
        double scale = Math.pow(1000, prefix);
        double v = value / scale;
        double s = step / scale;
        int decimals = decimals(s);
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (text.startsWith("-") && Double.parseDouble(text) == 0) {
            text = text.substring(1);
        }
        return text + SI[prefix];
    }

    /** The SI prefix (index into k, M, G...) for figures up to {@code magnitude}: none below 10,000. */
    static int prefix(double magnitude) {
        double m = Math.abs(magnitude);
        if (!(m >= 10_000) || Double.isInfinite(m)) {
            return 0;
        }
        return Math.min(SI.length - 1, (int) Math.floor(Math.log10(m) / 3));
    }

    /** The fewest decimals (0..6) that show every multiple of {@code step} exactly. */
    static int decimals(double step) {
        if (!(step > 0)) {
            return 0;
        }
        for (int d = 0; d < 6; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 6;
    }

    /** The finest step of {@link #TIME_STEPS} with at most {@code maxTicks} intervals in {@code span} milliseconds. */
    public static long timeStep(long span, int maxTicks) {
        for (long step : TIME_STEPS) {
            if (span / step <= Math.max(1, maxTicks)) {
                return step;
            }
        }
        return TIME_STEPS[TIME_STEPS.length - 1];
    }

    /**
     * The ticks of a time axis from {@code from} to {@code to} (epoch milliseconds) with at most about {@code maxTicks}
     * intervals, on round local times of {@code zone}: steps below a day start at local midnight (so 3-hour ticks fall
     * on 00:00, 03:00...), day steps on midnights, week steps on Mondays.
     */
    public static TimeAxis time(long from, long to, int maxTicks, ZoneId zone) {
        if (to <= from) {
            return new TimeAxis(HOUR, new long[0], new String[0]);
        }
        long step = timeStep(to - from, maxTicks);
        List<Long> ticks = new ArrayList<>();
        if (step < DAY) {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(from), zone);
            LocalDateTime midnight = local.toLocalDate().atStartOfDay();
            long sinceMidnight = java.time.Duration.between(midnight, local).toMillis();
            LocalDateTime t = midnight.plusNanos(Math.floorDiv(sinceMidnight, step) * step * 1_000_000);
            while (true) {
                long at = t.atZone(zone).toInstant().toEpochMilli();
                if (at >= to) {
                    break;
                }
                if (at >= from && (ticks.isEmpty() || at > ticks.get(ticks.size() - 1))) {
                    ticks.add(at);
                }
                t = t.plusNanos(step * 1_000_000);
            }
        } else {
            LocalDate day = LocalDateTime.ofInstant(Instant.ofEpochMilli(from), zone).toLocalDate();
            int days = (int) (step / DAY);
            if (days == 7 || days == 14) {
                day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            } else if (days > 1) {
                day = LocalDate.ofEpochDay(Math.floorDiv(day.toEpochDay(), days) * days);
            }
            while (true) {
                long at = day.atStartOfDay(zone).toInstant().toEpochMilli();
                if (at >= to) {
                    break;
                }
                if (at >= from) {
                    ticks.add(at);
                }
                day = day.plusDays(days);
            }
        }
        long[] times = ticks.stream().mapToLong(Long::longValue).toArray();
        String[] labels = new String[times.length];
        for (int i = 0; i < times.length; i++) {
            labels[i] = timeLabel(times[i], step, zone);
        }
        return new TimeAxis(step, times, labels);
    }

    /**
     * The label of a tick: {@code HH:mm:ss} for steps below a minute, {@code HH:mm} below a day (the date, as
     * {@code d MMM}, at midnight), else the date.
     */
    public static String timeLabel(long at, long step, ZoneId zone) {
        ZonedDateTime t = Instant.ofEpochMilli(at).atZone(zone);
        if (step < MINUTE) {
            return t.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        }
        if (step < DAY && (t.getHour() != 0 || t.getMinute() != 0)) {
            return t.format(DateTimeFormatter.ofPattern("HH:mm"));
        }
        return t.format(DateTimeFormatter.ofPattern("d MMM", Locale.getDefault(Locale.Category.FORMAT)));
    }
}
