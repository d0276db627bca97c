package org.opsbench.monitoring.internal.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.opsbench.monitoring.Durations;

/**
 * Times on the command line: {@code now}, {@code now+2h}, an ISO instant or date-time with offset
 * ({@code 2026-11-25T22:00:00Z}, {@code 2026-11-25T22:00+01:00}) or a local one in the server's time zone
 * ({@code 2026-11-25T22:00}); times print as ISO instants (UTC) to the second.
 */
final class Times {

    private Times() {
    }

    /**
     * A point in time.
     *
     * @param what
     *            the argument's name, for the error
     */
    static Instant instant(String what, String text, Instant now, ZoneId zone) {
        if (text.equals("now")) {
            return now;
        }
        if (text.startsWith("now+")) {
            return now.plus(duration(what, text.substring(4)));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: maybe local
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + ": not a time: '" + text
                    + "' (use now, now+2h, 2026-11-25T22:00:00Z or 2026-11-25T22:00)");
        }
    }

    /** The end of a period that starts at {@code start}: a time, or a duration after the start ({@code 2h}). */
    static Instant end(String what, String text, Instant start, Instant now, ZoneId zone) {
        boolean relative = !text.isEmpty() && Character.isDigit(text.charAt(0)) && !text.contains("-")
                && !text.contains(":");
        if (relative || text.startsWith("P")) {
            return start.plus(duration(what, text));
        }
        return instant(what, text, now, zone);
    }

    static Duration duration(String what, String text) {
        try {
            Duration d = Durations.parse(text);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + ": must be longer than 0, was '" + text + "'");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(what) ? e : new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }

    /** An instant to the second, or {@code -}. */
    static String format(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** How long ago {@code t} was, to the second ({@code 3m12s}), or {@code -}. */
    static String since(Instant t, Instant now) {
        if (t == null) {
            return "-";
        }
        Duration d = Duration.between(t, now).truncatedTo(ChronoUnit.SECONDS);
        return Durations.format(d.isNegative() ? Duration.ZERO : d);
    }

    /** How long until {@code t}, or {@code -}. */
    static String in(Instant t, Instant now) {
        if (t == null) {
            return "-";
        }
        Duration d = Duration.between(now, t).truncatedTo(ChronoUnit.SECONDS);
        return d.isNegative() || d.isZero() ? "now" : "in " + Durations.format(d);
    }
}
