package org.opsbench.rest;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives metric samples during one scrape and writes them in Prometheus text format 0.0.4. Names are Prometheus names
 * ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}, by convention {@code opsbench_<area>_<what>[_total|_seconds]}); samples of one
 * name share its help text and type. Label values are escaped by the sink.
 */
@ProviderType
public interface MetricsSink {

    /** A monotonic counter (by convention its name ends in {@code _total}). */
    void counter(String name, String help, Map<String, String> labels, double value);

    /** A value that goes up and down. */
    void gauge(String name, String help, Map<String, String> labels, double value);

    /**
     * A histogram: {@code cumulativeCounts[i]} observations were at most {@code upperBounds[i]} (ascending; the
     * {@code +Inf} bucket is {@code count}), with {@code sum} of all observations.
     *
     * @throws IllegalArgumentException
     *             when the arrays differ in length
     */
    void histogram(String name, String help, Map<String, String> labels, double[] upperBounds,
            long[] cumulativeCounts, double sum, long count);
}
