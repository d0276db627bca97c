package org.opsbench.monitoring.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations and times as the views read and write them: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code PT1M}. */
public final class Durations {

    /** Times in lists. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    /** Times in fields. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private static final Pattern PARTS = Pattern.compile("(\\d+)\\s*(ms|d|h|m|s)", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    /**
     * Reads {@code 90} (seconds), {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}, combinations like {@code 1h30m}, or
     * ISO-8601 ({@code PT1M}); empty is {@code null}.
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
        if (t.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw refused(t);
            }
        }
        String rest = t.replace(" ", "");
        Matcher m = PARTS.matcher(rest);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw refused(t);
            }
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = m.end();
        }
        if (end != rest.length() || end == 0) {
            throw refused(t);
        }
        return d;
    }

    private static IllegalArgumentException refused(String text) {
        return new IllegalArgumentException("a duration like 30s, 5m, 1h30m or PT1M, was '" + text + "'");
    }

    /** Writes {@code d} the way {@link #parse} reads it: {@code 1h30m}, {@code 45s}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d == null) {
            return "";
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            b.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            b.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            b.append(d.toSecondsPart()).append('s');
        }
        if (d.toMillisPart() > 0) {
            b.append(d.toMillisPart()).append("ms");
        }
        return b.toString();
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
