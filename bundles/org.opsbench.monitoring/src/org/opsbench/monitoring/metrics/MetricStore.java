package org.opsbench.monitoring.metrics;

import java.util.List;
import java.util.Optional;

/**
 * Time series of numbers, designed for volume. Appended samples are buffered per series and written as compressed
 * chunks (delta-of-delta timestamps, XOR-encoded values) when a chunk is full and on {@link #flush()}; the 5-minute and
 * 1-hour rollups (min, max, avg, count) are computed at the same time. Each resolution has its own retention, applied
 * by {@link #purge(long)}. Samples of one series must be appended in ascending time order; a sample older than the
 * series' last one is dropped.
 * <p>
 * Thread safe. Data not yet flushed is lost when the process dies; the service flushes on deactivation.
 */
public interface MetricStore {

    /** The series called {@code name}, created with {@code unit} when it does not exist yet. */
    SeriesKey series(String name, String unit);

    /** The series called {@code name}, if it exists. */
    Optional<SeriesKey> findSeries(String name);

    /** All series, by name. */
    List<SeriesKey> allSeries();

    /** Appends one sample to the series with id {@code seriesId} (buffered). */
    void append(int seriesId, long epochMillis, double value);

    /** Appends samples to the series with id {@code seriesId} (buffered). */
    default void append(int seriesId, List<Sample> samples) {
        for (Sample s : samples) {
            append(seriesId, s.epochMillis(), s.value());
        }
    }

    /** Writes every buffered sample and the rollups touched since the last flush, in one transaction. */
    void flush();

    /**
     * Deletes what is older than the retention of each resolution, relative to {@code nowMillis}: raw chunks that end
     * before {@code now - raw retention}, rollup buckets that end before {@code now - their retention}.
     *
     * @return the number of rows deleted
     */
    int purge(long nowMillis);

    /** The raw samples of the series in {@code [from, to)}, buffered ones included. */
    List<Sample> raw(int seriesId, long from, long to);

    /** The rollup points of the series at {@code resolution} (not {@link Resolution#RAW}) in {@code [from, to)}. */
    List<RollupPoint> rollups(int seriesId, Resolution resolution, long from, long to);

    /**
     * The series in {@code [from, to)} in at most about {@code maxPoints} points: the raw samples when there are no
     * more than {@code maxPoints} of them, else the finest rollup with no more than {@code maxPoints} buckets in the
     * range, else the coarsest rollup.
     */
    MetricQueryResult query(int seriesId, long from, long to, int maxPoints);
}
