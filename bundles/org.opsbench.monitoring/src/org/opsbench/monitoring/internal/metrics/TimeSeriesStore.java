package org.opsbench.monitoring.internal.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.opsbench.persistence.Transactions;

import org.opsbench.monitoring.metrics.MetricQueryResult;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.RollupPoint;
import org.opsbench.monitoring.metrics.Sample;
import org.opsbench.monitoring.metrics.SeriesKey;

/**
 * The metric store on plain JDBC (no OSGi, so the benchmark can use it): open chunks and rollup buckets in memory,
 * sealed chunks written in batches of {@link #AUTO_FLUSH_CHUNKS} (or on {@link #flush()}) in one transaction together
 * with the rollups touched.
 */
public final class TimeSeriesStore implements MetricStore {

    /** Sealed chunks that trigger a flush. */
    public static final int AUTO_FLUSH_CHUNKS = 1000;

    private final DataSource dataSource;
    private volatile Retention retention;
    private final Map<String, SeriesKey> byName = new HashMap<>();
    private final Map<Integer, SeriesKey> byId = new HashMap<>();
    private final Map<Integer, SeriesBuffer> buffers = new HashMap<>();
    private final List<PendingChunk> pendingChunks = new ArrayList<>();
    private final List<RollupDelta> pendingRollups = new ArrayList<>();

    public TimeSeriesStore(DataSource dataSource, Retention retention) {
        this.dataSource = dataSource;
        this.retention = retention;
        for (SeriesKey key : tx(MetricTables::allSeries)) {
            byName.put(key.name(), key);
            byId.put(key.id(), key);
        }
    }

    public void setRetention(Retention retention) {
        this.retention = retention;
    }

    @Override
    public synchronized SeriesKey series(String name, String unit) {
        SeriesKey key = byName.get(name);
        if (key == null) {
            key = findOrInsert(name, unit == null ? "" : unit);
            byName.put(name, key);
            byId.put(key.id(), key);
        }
        return key;
    }

    /**
     * The stored series of that name, else a new one. Several nodes share one database: another node may have created
     * the series after this store read the list (a check it ran before this node took it over), or create it at the
     * same moment (then this insert violates the unique name and the other's row is read).
     */
    private SeriesKey findOrInsert(String name, String unit) {
        SeriesKey found = tx(c -> MetricTables.findSeries(c, name));
        if (found != null) {
            return found;
        }
        try {
            return Transactions.inTransaction(dataSource, c -> MetricTables.insertSeries(c, name, unit));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                SeriesKey theirs = tx(c -> MetricTables.findSeries(c, name));
                if (theirs != null) {
                    return theirs;
                }
            }
            throw new IllegalStateException("metric store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<SeriesKey> findSeries(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public synchronized List<SeriesKey> allSeries() {
        return new ArrayList<>(new TreeMap<>(byName).values());
    }

    @Override
    public synchronized void append(int seriesId, long epochMillis, double value) {
        SeriesBuffer buffer = buffers.get(seriesId);
        if (buffer == null) {
            buffer = open(seriesId);
        }
        buffer.append(epochMillis, value, pendingChunks::add, pendingRollups::add);
        if (pendingChunks.size() >= AUTO_FLUSH_CHUNKS) {
            write();
        }
    }

    private SeriesBuffer open(int seriesId) {
        if (!byId.containsKey(seriesId)) {
            throw new IllegalArgumentException("no series with id " + seriesId);
        }
        long[] newest = tx(c -> MetricTables.newest(c, seriesId));
        SeriesBuffer buffer = new SeriesBuffer(seriesId, newest[0], newest[1], newest[2]);
        buffers.put(seriesId, buffer);
        return buffer;
    }

    @Override
    public synchronized void flush() {
        for (SeriesBuffer buffer : buffers.values()) {
            buffer.drain(pendingChunks::add, pendingRollups::add);
        }
        write();
    }

    /** Writes the pending chunks and rollups in one transaction; they stay pending when it fails. */
    private void write() {
        if (pendingChunks.isEmpty() && pendingRollups.isEmpty()) {
            return;
        }
        tx(c -> {
            MetricTables.insertChunks(c, pendingChunks);
            MetricTables.mergeRollups(c, pendingRollups);
            return null;
        });
        pendingChunks.clear();
        pendingRollups.clear();
    }

    @Override
    public int purge(long nowMillis) {
        Retention r = retention;
        return tx(c -> MetricTables.purge(c, nowMillis - r.raw().toMillis(), nowMillis - r.fiveMinutes().toMillis(),
                nowMillis - r.oneHour().toMillis()));
    }

    @Override
    public synchronized List<Sample> raw(int seriesId, long from, long to) {
        List<Sample> result = new ArrayList<>();
        for (byte[] chunk : tx(c -> MetricTables.chunks(c, seriesId, from, to))) {
            addSamples(GorillaCodec.decode(chunk), from, to, result);
        }
        for (PendingChunk chunk : pendingChunks) {
            if (chunk.seriesId() == seriesId && chunk.start() < to && chunk.end() >= from) {
                addSamples(GorillaCodec.decode(chunk.data()), from, to, result);
            }
        }
        SeriesBuffer buffer = buffers.get(seriesId);
        if (buffer != null) {
            buffer.samples(from, to, (t, v) -> result.add(new Sample(t, v)));
        }
        return result;
    }

    private static void addSamples(GorillaCodec.Chunk chunk, long from, long to, List<Sample> result) {
        long[] times = chunk.times();
        double[] values = chunk.values();
        for (int i = 0; i < times.length; i++) {
            if (times[i] >= from && times[i] < to) {
                result.add(new Sample(times[i], values[i]));
            }
        }
    }

    @Override
    public synchronized List<RollupPoint> rollups(int seriesId, Resolution resolution, long from, long to) {
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("RAW is not a rollup");
        }
        long start = resolution.bucketStart(from);
        TreeMap<Long, double[]> buckets = new TreeMap<>();
        for (double[] row : tx(c -> MetricTables.rollups(c, seriesId, resolution, start, to))) {
            buckets.put((long) row[0], row);
        }
        {
            List<RollupDelta> unwritten = new ArrayList<>();
            for (RollupDelta d : pendingRollups) {
                if (d.seriesId() == seriesId && d.resolution() == resolution) {
                    unwritten.add(d);
                }
            }
            SeriesBuffer buffer = buffers.get(seriesId);
            RollupDelta open = buffer == null ? null : buffer.openBucket(resolution);
            if (open != null) {
                unwritten.add(open);
            }
            for (RollupDelta d : unwritten) {
                if (d.bucketStart() >= start && d.bucketStart() < to) {
                    buckets.merge(d.bucketStart(),
                            new double[]{d.bucketStart(), d.min(), d.max(), d.sum(), d.count()},
                            (a, b) -> new double[]{a[0], Math.min(a[1], b[1]), Math.max(a[2], b[2]), a[3] + b[3],
                                    a[4] + b[4]});
                }
            }
        }
        List<RollupPoint> result = new ArrayList<>(buckets.size());
        for (double[] row : buckets.values()) {
            result.add(MetricTables.point((long) row[0], row[1], row[2], row[3], (long) row[4]));
        }
        return result;
    }

    @Override
    public MetricQueryResult query(int seriesId, long from, long to, int maxPoints) {
        List<Sample> samples = raw(seriesId, from, to);
        if (samples.size() <= maxPoints) {
            return new MetricQueryResult(Resolution.RAW, samples, List.of());
        }
        Resolution resolution = pick(from, to, maxPoints);
        return new MetricQueryResult(resolution, List.of(), rollups(seriesId, resolution, from, to));
    }

    /** The finest rollup with at most {@code maxPoints} buckets in {@code [from, to)}, else the coarsest. */
    static Resolution pick(long from, long to, int maxPoints) {
        long bucket = Resolution.FIVE_MINUTES.bucketMillis();
        long buckets = (to - Resolution.FIVE_MINUTES.bucketStart(from) + bucket - 1) / bucket;
        return buckets <= maxPoints ? Resolution.FIVE_MINUTES : Resolution.ONE_HOUR;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work::run);
        } catch (SQLException e) {
            throw new IllegalStateException("metric store: " + e.getMessage(), e);
        }
    }
}
