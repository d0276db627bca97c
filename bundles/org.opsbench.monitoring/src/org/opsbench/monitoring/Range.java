package org.opsbench.monitoring;

/**
 * A Nagios threshold range ({@code 10}, {@code 10:}, {@code ~:10}, {@code 10:20}, {@code @10:20}).
 *
 * @param start
 *            lower bound, {@link Double#NEGATIVE_INFINITY} for {@code ~}
 * @param end
 *            upper bound, {@link Double#POSITIVE_INFINITY} when left open
 * @param inside
 *            {@code true} ({@code @} prefix) when a value inside the bounds alerts; otherwise a value outside alerts
 */
public record Range(double start, double end, boolean inside) {

    /** Refuses a start after the end. */
    public Range {
        if (start > end) {
            throw new IllegalArgumentException("range start " + start + " is after its end " + end);
        }
    }

    /**
     * Reads a range in the Nagios syntax.
     *
     * @throws IllegalArgumentException
     *             when {@code text} is no range
     */
    public static Range parse(String text) {
        String body = text.strip();
        boolean inside = body.startsWith("@");
        if (inside) {
            body = body.substring(1);
        }
        int colon = body.indexOf(':');
        double start;
        double end;
        if (colon < 0) {
            start = 0;
            end = number(body, text);
        } else {
            String low = body.substring(0, colon);
            String high = body.substring(colon + 1);
            start = low.equals("~") ? Double.NEGATIVE_INFINITY : low.isEmpty() ? 0 : number(low, text);
            end = high.isEmpty() ? Double.POSITIVE_INFINITY : number(high, text);
        }
        return new Range(start, end, inside);
    }

    /** Whether {@code value} raises an alert against this range. */
    public boolean alerts(double value) {
        boolean within = value >= start && value <= end;
        return inside ? within : !within;
    }

    static double number(String text, String whole) {
        if (text.indexOf(',') >= 0) {
            throw new IllegalArgumentException("decimal comma in '" + whole + "': use a point");
        }
        if (!text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new IllegalArgumentException("not a number: '" + text + "' in '" + whole + "'");
        }
        return Double.parseDouble(text);
    }
}
