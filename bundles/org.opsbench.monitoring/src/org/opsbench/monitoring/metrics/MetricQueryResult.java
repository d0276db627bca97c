package org.opsbench.monitoring.metrics;

import java.util.List;

/**
 * The answer to {@link MetricStore#query}: raw samples or rollup points, whichever resolution was picked.
 *
 * @param resolution
 *            the resolution picked
 * @param samples
 *            the samples in time order when {@code resolution} is {@link Resolution#RAW}, else empty
 * @param points
 *            the rollup points in time order when {@code resolution} is a rollup, else empty
 */
public record MetricQueryResult(Resolution resolution, List<Sample> samples, List<RollupPoint> points) {

    public MetricQueryResult {
        samples = List.copyOf(samples);
        points = List.copyOf(points);
    }

    /** Number of points returned. */
    public int size() {
        return resolution == Resolution.RAW ? samples.size() : points.size();
    }
}
