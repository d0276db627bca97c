package org.opsbench.monitoring.internal.metrics;

import org.opsbench.monitoring.metrics.Resolution;

/**
 * Min, max, sum and count of samples of one bucket not yet written; merged into the stored row of the bucket.
 *
 * @param stored
 *            whether the bucket may already have a row (then it is updated, else inserted)
 */
public record RollupDelta(int seriesId, Resolution resolution, long bucketStart, double min, double max, double sum,
        long count, boolean stored) {
}
