package org.opsbench.monitoring.metrics;

/**
 * One measured value of a series.
 *
 * @param epochMillis
 *            when it was measured, milliseconds since the epoch
 * @param value
 *            the value; NaN and infinities are stored as they are
 */
public record Sample(long epochMillis, double value) {
}
