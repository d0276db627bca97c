package org.opsbench.rest.internal.ops;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opsbench.rest.MetricsSink;

/** A {@link MetricsSink} that writes Prometheus text exposition format 0.0.4. */
public final class PrometheusText implements MetricsSink {

    /** The content type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out = new StringBuilder();
    private final Set<String> described = new HashSet<>();

    @Override
    public void counter(String name, String help, Map<String, String> labels, double value) {
        header(name, help, "counter");
        sample(name, labels, value);
    }

    @Override
    public void gauge(String name, String help, Map<String, String> labels, double value) {
        header(name, help, "gauge");
        sample(name, labels, value);
    }

    @Override
    public void histogram(String name, String help, Map<String, String> labels, double[] upperBounds,
            long[] cumulativeCounts, double sum, long count) {
        if (upperBounds.length != cumulativeCounts.length) {
            throw new IllegalArgumentException("histogram " + name + ": upperBounds and cumulativeCounts differ");
        }
        header(name, help, "histogram");
        for (int i = 0; i < upperBounds.length; i++) {
            Map<String, String> bucket = new LinkedHashMap<>(labels == null ? Map.of() : labels);
            bucket.put("le", number(upperBounds[i]));
            sample(name + "_bucket", bucket, cumulativeCounts[i]);
        }
        Map<String, String> inf = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        inf.put("le", "+Inf");
        sample(name + "_bucket", inf, count);
        sample(name + "_sum", labels, sum);
        sample(name + "_count", labels, count);
    }

    /** The text written so far. */
    public String text() {
        return out.toString();
    }

    private void header(String name, String help, String type) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        if (described.add(name)) {
            out.append("# HELP ").append(name).append(' ')
                    .append((help == null ? "" : help).replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
    }

    private void sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (labels != null && !labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (!LABEL.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("not a Prometheus label name: " + e.getKey());
                }
                out.append(first ? "" : ",").append(e.getKey()).append("=\"")
                        .append(String.valueOf(e.getValue()).replace("\\", "\\\\").replace("\"", "\\\"")
                                .replace("\n", "\\n"))
                        .append('"');
                first = false;
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
