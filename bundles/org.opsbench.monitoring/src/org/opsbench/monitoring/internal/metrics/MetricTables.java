package org.opsbench.monitoring.internal.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.RollupPoint;
import org.opsbench.monitoring.metrics.SeriesKey;

/** The SQL of the metric store's three tables ({@code migrations/V1__metric_store.sql}). */
final class MetricTables {

    private MetricTables() {
    }

    static List<SeriesKey> allSeries(Connection c) throws SQLException {
        List<SeriesKey> result = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, NAME, UNIT FROM MONITORING_SERIES ORDER BY NAME")) {
            while (rs.next()) {
                result.add(new SeriesKey(rs.getInt(1), rs.getString(2), rs.getString(3)));
            }
        }
        return result;
    }

    /** The series named {@code name}, or {@code null}. */
    static SeriesKey findSeries(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, UNIT FROM MONITORING_SERIES WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new SeriesKey(rs.getInt(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    static SeriesKey insertSeries(Connection c, String name, String unit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MONITORING_SERIES (NAME, UNIT) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, unit);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new SeriesKey(keys.getInt(1), name, unit);
            }
        }
    }

    /** Newest stored sample time, 5-minute bucket and 1-hour bucket of a series ({@code Long.MIN_VALUE} if none). */
    static long[] newest(Connection c, int seriesId) throws SQLException {
        long[] result = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        try (PreparedStatement ps = c
                .prepareStatement("SELECT MAX(END_TS) FROM MONITORING_CHUNK WHERE SERIES_ID = ?")) {
            ps.setInt(1, seriesId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    result[0] = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT RESOLUTION, MAX(BUCKET_START) FROM MONITORING_ROLLUP"
                + " WHERE SERIES_ID = ? GROUP BY RESOLUTION")) {
            ps.setInt(1, seriesId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result[rs.getInt(1)] = rs.getLong(2);
                }
            }
        }
        return result;
    }

    static void insertChunks(Connection c, List<PendingChunk> chunks) throws SQLException {
        if (chunks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MONITORING_CHUNK"
                + " (SERIES_ID, START_TS, END_TS, SAMPLE_COUNT, DATA) VALUES (?, ?, ?, ?, ?)")) {
            for (PendingChunk chunk : chunks) {
                ps.setInt(1, chunk.seriesId());
                ps.setLong(2, chunk.start());
                ps.setLong(3, chunk.end());
                ps.setInt(4, chunk.count());
                ps.setBytes(5, chunk.data());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Merges the deltas into their buckets: updates the rows that may exist, inserts the others. */
    static void mergeRollups(Connection c, List<RollupDelta> deltas) throws SQLException {
        List<RollupDelta> inserts = new ArrayList<>();
        List<RollupDelta> updates = new ArrayList<>();
        for (RollupDelta d : deltas) {
            (d.stored() ? updates : inserts).add(d);
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE MONITORING_ROLLUP SET"
                    + " MIN_VALUE = CASE WHEN MIN_VALUE < ? THEN MIN_VALUE ELSE ? END,"
                    + " MAX_VALUE = CASE WHEN MAX_VALUE > ? THEN MAX_VALUE ELSE ? END,"
                    + " SUM_VALUE = SUM_VALUE + ?, SAMPLE_COUNT = SAMPLE_COUNT + ?"
                    + " WHERE SERIES_ID = ? AND RESOLUTION = ? AND BUCKET_START = ?")) {
                for (RollupDelta d : updates) {
                    ps.setDouble(1, d.min());
                    ps.setDouble(2, d.min());
                    ps.setDouble(3, d.max());
                    ps.setDouble(4, d.max());
                    ps.setDouble(5, d.sum());
                    ps.setLong(6, d.count());
                    ps.setInt(7, d.seriesId());
                    ps.setInt(8, d.resolution().ordinal());
                    ps.setLong(9, d.bucketStart());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        inserts.add(updates.get(i));
                    }
                }
            }
        }
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO MONITORING_ROLLUP (SERIES_ID, RESOLUTION,"
                + " BUCKET_START, MIN_VALUE, MAX_VALUE, SUM_VALUE, SAMPLE_COUNT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RollupDelta d : inserts) {
                ps.setInt(1, d.seriesId());
                ps.setInt(2, d.resolution().ordinal());
                ps.setLong(3, d.bucketStart());
                ps.setDouble(4, d.min());
                ps.setDouble(5, d.max());
                ps.setDouble(6, d.sum());
                ps.setLong(7, d.count());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stored chunks of a series that may hold samples in {@code [from, to)}, in time order. */
    static List<byte[]> chunks(Connection c, int seriesId, long from, long to) throws SQLException {
        List<byte[]> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DATA FROM MONITORING_CHUNK WHERE SERIES_ID = ?"
                + " AND START_TS >= ? AND START_TS < ? AND END_TS >= ? ORDER BY START_TS")) {
            ps.setInt(1, seriesId);
            ps.setLong(2,
                    from < Long.MIN_VALUE + SeriesBuffer.MAX_SPAN_MILLIS
                            ? Long.MIN_VALUE
                            : from - SeriesBuffer.MAX_SPAN_MILLIS);
            ps.setLong(3, to);
            ps.setLong(4, from);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getBytes(1));
                }
            }
        }
        return result;
    }

    /** Stored rollup rows of a series in {@code [from, to)}: start, min, max, sum, count. */
    static List<double[]> rollups(Connection c, int seriesId, Resolution resolution, long from, long to)
            throws SQLException {
        List<double[]> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT BUCKET_START, MIN_VALUE, MAX_VALUE, SUM_VALUE,"
                + " SAMPLE_COUNT FROM MONITORING_ROLLUP WHERE SERIES_ID = ? AND RESOLUTION = ?"
                + " AND BUCKET_START >= ? AND BUCKET_START < ? ORDER BY BUCKET_START")) {
            ps.setInt(1, seriesId);
            ps.setInt(2, resolution.ordinal());
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new double[]{rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getLong(5)});
                }
            }
        }
        return result;
    }

    static RollupPoint point(long start, double min, double max, double sum, long count) {
        return new RollupPoint(start, min, max, sum / count, count);
    }

    /** Deletes chunks ending before {@code rawBefore} and rollup buckets ending before their cut-off. */
    static int purge(Connection c, long rawBefore, long fiveMinutesBefore, long oneHourBefore) throws SQLException {
        int deleted;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM MONITORING_CHUNK WHERE END_TS < ?")) {
            ps.setLong(1, rawBefore);
            deleted = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM MONITORING_ROLLUP WHERE RESOLUTION = ? AND BUCKET_START <= ?")) {
            ps.setInt(1, Resolution.FIVE_MINUTES.ordinal());
            ps.setLong(2, fiveMinutesBefore - Resolution.FIVE_MINUTES.bucketMillis());
            deleted += ps.executeUpdate();
            ps.setInt(1, Resolution.ONE_HOUR.ordinal());
            ps.setLong(2, oneHourBefore - Resolution.ONE_HOUR.bucketMillis());
            deleted += ps.executeUpdate();
        }
        return deleted;
    }
}
