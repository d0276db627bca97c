package org.opsbench.monitoring.internal.metrics;

import java.util.Arrays;
import java.util.function.Consumer;

import org.opsbench.monitoring.metrics.Resolution;

/** The open chunk and the open rollup buckets of one series, in memory. */
final class SeriesBuffer {

    /** Most samples in one chunk. */
    static final int MAX_SAMPLES = 720;
    /** Longest time span of one chunk. */
    static final long MAX_SPAN_MILLIS = 2 * 60 * 60_000L;

    private final int seriesId;
    /** Grow up to {@link #MAX_SAMPLES}, so that many rarely sampled series cost little memory. */
    private long[] times = new long[16];
    private double[] values = new double[16];
    private final RollupAccumulator fiveMinutes;
    private final RollupAccumulator oneHour;
    private int size;
    private long last;

    /**
     * @param lastStored
     *            time of the newest stored sample of the series (later samples only are accepted)
     * @param stored5m
     *            start of the newest stored 5-minute bucket
     * @param stored1h
     *            start of the newest stored 1-hour bucket
     */
    SeriesBuffer(int seriesId, long lastStored, long stored5m, long stored1h) {
        this.seriesId = seriesId;
        this.last = lastStored;
        this.fiveMinutes = new RollupAccumulator(seriesId, Resolution.FIVE_MINUTES, stored5m);
        this.oneHour = new RollupAccumulator(seriesId, Resolution.ONE_HOUR, stored1h);
    }

    /**
     * Appends a sample; a full chunk is sealed to {@code chunks} first, completed rollup buckets go to {@code rollups}.
     *
     * @return false when the sample was dropped (not later than the previous one)
     */
    boolean append(long epochMillis, double value, Consumer<PendingChunk> chunks, Consumer<RollupDelta> rollups) {
        if (epochMillis <= last) {
            return false;
        }
        if (size == MAX_SAMPLES || size > 0 && epochMillis - times[0] >= MAX_SPAN_MILLIS) {
            seal(chunks);
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, Math.min(MAX_SAMPLES, size * 2));
            values = Arrays.copyOf(values, times.length);
        }
        times[size] = epochMillis;
        values[size] = value;
        size++;
        last = epochMillis;
        fiveMinutes.add(epochMillis, value, rollups);
        oneHour.add(epochMillis, value, rollups);
        return true;
    }

    /** Encodes the open chunk to {@code chunks}, if it holds samples. */
    void seal(Consumer<PendingChunk> chunks) {
        if (size > 0) {
            chunks.accept(new PendingChunk(seriesId, times[0], times[size - 1], size,
                    GorillaCodec.encode(times, values, size)));
            size = 0;
        }
    }

    /** Everything not yet written: the open chunk and the open buckets. */
    void drain(Consumer<PendingChunk> chunks, Consumer<RollupDelta> rollups) {
        seal(chunks);
        fiveMinutes.drain(rollups);
        oneHour.drain(rollups);
    }

    /** The open rollup bucket at {@code resolution}, or null. */
    RollupDelta openBucket(Resolution resolution) {
        return resolution == Resolution.FIVE_MINUTES ? fiveMinutes.peek() : oneHour.peek();
    }

    /** Copies the buffered samples in {@code [from, to)} to {@code sink}. */
    void samples(long from, long to, SampleSink sink) {
        for (int i = 0; i < size; i++) {
            if (times[i] >= from && times[i] < to) {
                sink.accept(times[i], values[i]);
            }
        }
    }

    /** Receives samples without boxing. */
    @FunctionalInterface
    interface SampleSink {
        void accept(long epochMillis, double value);
    }
}
