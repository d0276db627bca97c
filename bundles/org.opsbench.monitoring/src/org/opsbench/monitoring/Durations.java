package org.opsbench.monitoring;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compact durations as operators type them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, or
 * ISO-8601 ({@code PT5M}). One syntax for the rule test files, the console and the workbench's editors.
 *
 * @since 0.3.0
 */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException
     *             naming the text when it is not one
     */
    public static Duration parse(String text) {
        if (text != null && (text.startsWith("P") || text.startsWith("p"))) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw notADuration(text);
            }
        }
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw notADuration(text);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(text);
        try {
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration too long: '" + text + "'");
        }
        return total;
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("not a duration: '" + text + "' (use 30s, 5m, 1h30m, 2d or PT5M)");
    }

    /** The duration in the same compact form: {@code 1h30m}, {@code 45s}, {@code 250ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        append(out, days, "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        return out.toString();
    }

    private static void append(StringBuilder out, long n, String unit) {
        if (n != 0) {
            out.append(n).append(unit);
        }
    }
}
