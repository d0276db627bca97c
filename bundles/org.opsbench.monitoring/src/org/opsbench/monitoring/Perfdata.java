package org.opsbench.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Nagios performance data: {@code 'label'=value[UOM];[warn];[crit];[min];[max]} items separated by spaces. Labels
 * with spaces or {@code =} are quoted with {@code '} (a quote inside is doubled). Decimal commas are refused rather
 * than guessed.
 */
public final class Perfdata {

    /** The units of the Nagios plugin API. */
    public static final Set<String> UNITS = Set.of("", "s", "ms", "us", "%", "B", "KB", "MB", "GB", "TB", "c");

    private static final Pattern VALUE = Pattern.compile("(U|[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)(.*)");

    private Perfdata() {
    }

    /**
     * Parses the perfdata part of plugin output (everything after {@code |}, possibly several lines).
     *
     * @throws PerfdataException
     *             naming the first token that breaks the format
     */
    public static List<PerfValue> parse(String text) {
        List<PerfValue> values = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return List.copyOf(values);
            }
            int start = i;
            StringBuilder label = new StringBuilder();
            if (text.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i++);
                    if (c == '\'') {
                        if (i < n && text.charAt(i) == '\'') {
                            label.append('\'');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        label.append(c);
                    }
                }
                if (!closed) {
                    throw new PerfdataException(text.substring(start), "unclosed quote");
                }
                if (i >= n || text.charAt(i) != '=') {
                    throw new PerfdataException(text.substring(start, end(text, i)), "missing '=' after the label");
                }
            } else {
                while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                    label.append(text.charAt(i++));
                }
                if (i >= n || text.charAt(i) != '=') {
                    throw new PerfdataException(text.substring(start, end(text, i)), "missing '=' after the label");
                }
            }
            int valueStart = ++i;
            i = end(text, i);
            values.add(item(text.substring(start, i), label.toString(), text.substring(valueStart, i)));
        }
    }

    private static int end(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static PerfValue item(String token, String label, String data) {
        if (label.isEmpty()) {
            throw new PerfdataException(token, "empty label");
        }
        if (data.indexOf(',') >= 0) {
            throw new PerfdataException(token, "decimal comma (use a point)");
        }
        String[] fields = data.split(";", -1);
        if (fields.length > 5) {
            throw new PerfdataException(token, "more than 5 fields");
        }
        Matcher m = VALUE.matcher(fields[0]);
        if (!m.matches()) {
            throw new PerfdataException(token, "no value");
        }
        String unit = m.group(2);
        if (!UNITS.contains(unit)) {
            throw new PerfdataException(token, "unknown unit '" + unit + "'");
        }
        double value = m.group(1).equals("U") ? Double.NaN : Double.parseDouble(m.group(1));
        try {
            return new PerfValue(label, value, unit, range(fields, 1), range(fields, 2), bound(fields, 3),
                    bound(fields, 4));
        } catch (IllegalArgumentException e) {
            throw new PerfdataException(token, e.getMessage());
        }
    }

    private static Optional<Range> range(String[] fields, int index) {
        return index < fields.length && !fields[index].isEmpty()
                ? Optional.of(Range.parse(fields[index]))
                : Optional.empty();
    }

    private static OptionalDouble bound(String[] fields, int index) {
        return index < fields.length && !fields[index].isEmpty()
                ? OptionalDouble.of(Range.number(fields[index], fields[index]))
                : OptionalDouble.empty();
    }
}
