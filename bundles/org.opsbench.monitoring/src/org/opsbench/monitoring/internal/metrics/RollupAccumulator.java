package org.opsbench.monitoring.internal.metrics;

import java.util.function.Consumer;

import org.opsbench.monitoring.metrics.Resolution;

/**
 * The open bucket of one series at one rollup resolution. Only finite values count: the database's DOUBLE holds no NaN
 * or infinity.
 */
final class RollupAccumulator {

    private final int seriesId;
    private final Resolution resolution;
    /** Buckets up to this start may have a row already (loaded at start, raised by each write). */
    private long storedUpTo;
    private long bucket = Long.MIN_VALUE;
    private double min;
    private double max;
    private double sum;
    private long count;

    RollupAccumulator(int seriesId, Resolution resolution, long storedUpTo) {
        this.seriesId = seriesId;
        this.resolution = resolution;
        this.storedUpTo = storedUpTo;
    }

    /** Adds a sample; a completed bucket goes to {@code completed}. */
    void add(long epochMillis, double value, Consumer<RollupDelta> completed) {
        if (!Double.isFinite(value)) {
            return;
        }
        long start = resolution.bucketStart(epochMillis);
        if (start != bucket) {
            drain(completed);
            bucket = start;
        }
        if (count == 0) {
            min = value;
            max = value;
            sum = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
        }
        count++;
    }

    /** Hands the samples of the open bucket not yet written to {@code sink} and starts counting afresh. */
    void drain(Consumer<RollupDelta> sink) {
        if (count == 0) {
            return;
        }
        sink.accept(new RollupDelta(seriesId, resolution, bucket, min, max, sum, count, bucket <= storedUpTo));
        storedUpTo = Math.max(storedUpTo, bucket);
        count = 0;
    }

    /** The unwritten part of the open bucket, or null. */
    RollupDelta peek() {
        return count == 0
                ? null
                : new RollupDelta(seriesId, resolution, bucket, min, max, sum, count, bucket <= storedUpTo);
    }
}
