package org.opsbench.monitoring.internal.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opsbench.core.spi.Health;
import org.opsbench.monitoring.CheckKey;

/**
 * The results a host or check gets in a rule test, one per run: the first at {@code start}, each next one an interval
 * later, or a retry interval while a problem is SOFT (as the scheduler runs it).
 *
 * @param key
 *            the host or check
 * @param line
 *            where its first {@code input} line is
 * @param start
 *            when the first result comes, after the start of the test
 * @param values
 *            the results in order
 */
record Series(CheckKey key, int line, Duration start, List<Value> values) {

    /** At most this many results per series, so that a typo in a repetition cannot exhaust the memory. */
    static final int MAX_VALUES = 100_000;

    private static final String NUMBER = "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern NUMBER_ONLY = Pattern.compile(NUMBER);
    private static final Pattern EXPANDING = Pattern
            .compile("(" + NUMBER + ")(?:([+-])(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([-+]?\\d+))?)?x(\\d+)");
    private static final Pattern REPEAT = Pattern.compile("x(\\d+)");
    private static final Pattern GAPS = Pattern.compile("_x(\\d+)");

    /**
     * One run of the check.
     *
     * @param health
     *            the result's state, {@code null} for a run without a result ({@code _})
     * @param metric
     *            the value of the check's threshold metric, or {@code null}
     */
    record Value(Health health, Double metric) {

        static final Value GAP = new Value(null, null);

        boolean gap() {
            return health == null;
        }

        @Override
        public String toString() {
            if (gap()) {
                return "_";
            }
            return metric == null ? health.name() : health + ":" + format(metric);
        }
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /**
     * Expands the value tokens of an {@code input} line (see the file format) and appends them to {@code out}.
     *
     * @param host
     *            whether the series is a host's (UP and DOWN allowed, no metric)
     * @param metric
     *            the check's threshold metric, or {@code null} (then plain numbers are refused)
     */
    static void expand(Line line, List<String> tokens, boolean host, String metric, List<Value> out) {
        boolean lastSingle = false;
        for (String token : tokens) {
            Matcher m;
            if ((m = REPEAT.matcher(token)).matches()) {
                if (!lastSingle) {
                    throw line.error("'" + token + "' repeats the value before it, and there is none to repeat"
                            + " (write it after a single value, e.g. OK " + token + ")");
                }
                int times = count(line, token, m.group(1), 1);
                Value last = out.get(out.size() - 1);
                add(line, out, last, times - 1);
                lastSingle = false;
            } else if (token.equals("_")) {
                add(line, out, Value.GAP, 1);
                lastSingle = true;
            } else if ((m = GAPS.matcher(token)).matches()) {
                add(line, out, Value.GAP, count(line, token, m.group(1), 1));
                lastSingle = false;
            } else if ((m = EXPANDING.matcher(token)).matches()) {
                requireMetric(line, token, host, metric);
                double a = Double.parseDouble(m.group(1));
                double b = m.group(3) == null
                        ? 0
                        : Double.parseDouble(m.group(3) + (m.group(4) == null ? "" : "e" + m.group(4)));
                if ("-".equals(m.group(2))) {
                    b = -b;
                }
                int n = count(line, token, m.group(5), 0);
                if (out.size() + n + 1 > MAX_VALUES) {
                    throw tooMany(line, token);
                }
                for (int i = 0; i <= n; i++) {
                    out.add(new Value(Health.OK, a + i * b));
                }
                lastSingle = false;
            } else {
                add(line, out, single(line, token, host, metric), 1);
                lastSingle = true;
            }
        }
    }

    private static Value single(Line line, String token, boolean host, String metric) {
        if (NUMBER_ONLY.matcher(token).matches()) {
            requireMetric(line, token, host, metric);
            return new Value(Health.OK, Double.parseDouble(token));
        }
        int colon = token.indexOf(':');
        String state = colon < 0 ? token : token.substring(0, colon);
        Health health = health(line, token, state, host);
        if (colon < 0) {
            return new Value(health, null);
        }
        String number = token.substring(colon + 1);
        if (!NUMBER_ONLY.matcher(number).matches()) {
            throw line.error("not a number: '" + number + "' in '" + token + "'");
        }
        requireMetric(line, token, host, metric);
        return new Value(health, Double.parseDouble(number));
    }

    private static Health health(Line line, String token, String state, boolean host) {
        switch (state) {
            case "OK" :
                return Health.OK;
            case "WARNING" :
                return Health.WARNING;
            case "CRITICAL" :
                return Health.CRITICAL;
            case "UNKNOWN" :
                return Health.UNKNOWN;
            case "UP", "DOWN" :
                if (!host) {
                    throw line.error("'" + token + "' is a host result; a check's result is OK, WARNING, CRITICAL or"
                            + " UNKNOWN");
                }
                return state.equals("UP") ? Health.OK : Health.CRITICAL;
            default :
                throw line.error("not a result: '" + token + "' (use " + (host ? "UP, DOWN, " : "")
                        + "OK, WARNING, CRITICAL, UNKNOWN, a number, _, xN or a+bxN)");
        }
    }

    private static void requireMetric(Line line, String token, boolean host, String metric) {
        if (host) {
            throw line.error("a host result is UP or DOWN, not a metric value: '" + token + "'");
        }
        if (metric == null) {
            throw line.error("'" + token + "' gives a metric value, but the check has no metric= to give it to");
        }
    }

    private static int count(Line line, String token, String digits, int min) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // too large: refused below
        }
        if (min > 0 && digits.matches("0+")) {
            throw line.error("'" + token + "': repeat at least " + min + " time");
        }
        throw tooMany(line, token);
    }

    private static void add(Line line, List<Value> out, Value v, int times) {
        if (out.size() + (long) times > MAX_VALUES) {
            throw tooMany(line, "x" + times);
        }
        for (int i = 0; i < times; i++) {
            out.add(v);
        }
    }

    private static Line.ParseError tooMany(Line line, String token) {
        return line.error("'" + token + "': a series holds at most " + MAX_VALUES + " results");
    }

    /** A copy with more values, for a further {@code input} line of the same key. */
    Series plus(List<Value> more) {
        List<Value> all = new ArrayList<>(values);
        all.addAll(more);
        return new Series(key, line, start, List.copyOf(all));
    }
}
