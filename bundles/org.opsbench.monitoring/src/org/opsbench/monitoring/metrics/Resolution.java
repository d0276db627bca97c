package org.opsbench.monitoring.metrics;

/** The resolutions the store keeps: every sample, and min/max/avg per 5 minutes and per hour. */
public enum Resolution {
    /** Every sample as measured. */
    RAW(0),
    /** One {@link RollupPoint} per 5 minutes. */
    FIVE_MINUTES(5 * 60_000L),
    /** One {@link RollupPoint} per hour. */
    ONE_HOUR(60 * 60_000L);

    private final long bucketMillis;

    Resolution(long bucketMillis) {
        this.bucketMillis = bucketMillis;
    }

    /** Length of one bucket in milliseconds, 0 for {@link #RAW}. */
    public long bucketMillis() {
        return bucketMillis;
    }

    /** Start of the bucket holding {@code epochMillis} (for {@link #RAW} the time itself). */
    public long bucketStart(long epochMillis) {
        return bucketMillis == 0 ? epochMillis : Math.floorDiv(epochMillis, bucketMillis) * bucketMillis;
    }
}
