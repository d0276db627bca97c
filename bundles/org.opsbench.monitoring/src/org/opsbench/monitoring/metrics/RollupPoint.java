package org.opsbench.monitoring.metrics;

/**
 * The aggregate of the samples of one series in one bucket of a {@link Resolution}.
 *
 * @param start
 *            start of the bucket, milliseconds since the epoch (a multiple of the bucket length)
 * @param min
 *            smallest value
 * @param max
 *            largest value
 * @param avg
 *            mean value
 * @param count
 *            number of samples
 */
public record RollupPoint(long start, double min, double max, double avg, long count) {
}
