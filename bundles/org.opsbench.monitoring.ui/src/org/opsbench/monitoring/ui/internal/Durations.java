package org.opsbench.monitoring.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Durations and times as the views read and write them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code PT1M}. */
public final class Durations {

    /** Times in lists. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** Times in fields. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Durations() {
    }

    /**
     * Reads {@code 90} (seconds), {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, combinations like {@code 1h30m}
     * (blanks and upper case allowed), or ISO-8601 ({@code PT1M}); empty is {@code null}. Otherwise the syntax of the
     * console and the rule tests ({@link org.opsbench.monitoring.Durations}).
     *
     * @throws IllegalArgumentException
     *             naming the accepted forms
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        try {
            return org.opsbench.monitoring.Durations.parse(t.replace(" ", "").toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a duration like 30s, 5m, 1h30m or PT1M, was '" + t + "'");
        }
    }

    /** Writes {@code d} the way {@link #parse} reads it: {@code 1h30m}, {@code 45s}, {@code 250ms}; null is empty. */
    public static String format(Duration d) {
        return d == null ? "" : org.opsbench.monitoring.Durations.format(d);
    }

    /** How long ago {@code since} was, in its two largest units: {@code 3d 4h}, {@code 2h 12m}, {@code 45s}. */
    public static String since(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(since, now).toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
    }

    /** {@code 12s ago}, or {@code never}. */
    public static String ago(Instant time, Instant now) {
        return time == null ? "never" : since(time, now) + " ago";
    }

    /** {@code time} for a list, empty for null. */
    public static String time(Instant time) {
        return time == null ? "" : TIME.format(time);
    }
}
