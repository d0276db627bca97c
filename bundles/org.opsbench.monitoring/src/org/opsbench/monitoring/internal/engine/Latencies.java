package org.opsbench.monitoring.internal.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A histogram of check run times with fixed upper bounds (seconds), in the shape Prometheus expects: cumulative counts
 * per bound, the sum and the count. Lock-free; read while it is written.
 */
public final class Latencies {

    /** The upper bounds in seconds; the last bucket (+Inf) is {@link #count()}. */
    public static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong sumNanos = new AtomicLong();

    /** Counts one run of {@code nanos}. */
    public void record(long nanos) {
        double seconds = nanos / 1e9;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                buckets.incrementAndGet(i);
                break;
            }
        }
        count.incrementAndGet();
        sumNanos.addAndGet(nanos);
    }

    /** Runs that took at most {@code BOUNDS[i]} seconds (cumulative). */
    public long cumulative(int i) {
        long n = 0;
        for (int j = 0; j <= i; j++) {
            n += buckets.get(j);
        }
        return n;
    }

    /** Runs counted. */
    public long count() {
        return count.get();
    }

    /** Their total time in seconds. */
    public double sumSeconds() {
        return sumNanos.get() / 1e9;
    }
}
