import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opsbench.monitoring.internal.metrics.GorillaCodec;
import org.opsbench.monitoring.internal.metrics.Retention;
import org.opsbench.monitoring.internal.metrics.TimeSeriesStore;
import org.opsbench.monitoring.metrics.Sample;

/**
 * Benchmark of the metric store without OSGi, on embedded Derby (default durability: every commit is synced): ingest
 * rate and bytes per sample of the chunked store, 24-hour raw query of one series, and plain batched JDBC inserts of
 * one row per sample as the baseline, in the same run. Prints each figure beside its goal. Run by releng/bench-metrics.
 */
public final class MetricsBench {

    static final int SERIES = Integer.getInteger("series", 1000);
    static final int SAMPLES = Integer.getInteger("samples", 8640);
    static final long STEP = 10_000;
    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00Z

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        EmbeddedDataSource ds = dataSource(folder.resolve("store"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String script : List.of("V1__metric_store.sql", "V2__chunk_data_as_blob.sql")) {
                String sql = Files.readString(Path.of("bundles/org.opsbench.monitoring/migrations", script));
                for (String statement : sql.split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
        System.out.printf("data: %,d series x %,d samples (24 h every 10 s, aligned timestamps), values: a quarter each of"
                + " counters, integer gauges, 1-decimal gauges (random walk), rarely changing values%n", SERIES, SAMPLES);
        TimeSeriesStore store = new TimeSeriesStore(ds, Retention.DEFAULT);
        int[] ids = new int[SERIES];
        for (int i = 0; i < SERIES; i++) {
            ids[i] = store.series("host" + (i / 20) + "/metric" + i, "").id();
        }
        Values values = new Values(SERIES, 42);
        long start = System.nanoTime();
        for (int k = 0; k < SAMPLES; k++) {
            long t = T0 + k * STEP;
            for (int i = 0; i < SERIES; i++) {
                store.append(ids[i], t, values.next(i));
            }
        }
        store.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = (long) SERIES * SAMPLES;
        System.out.printf("metric store ingest: %,.0f samples/s (%,d samples in %.2f s, flushes included)   goal >= 500,000/s%n",
                total / seconds, total, seconds);
        long payload = scalar(ds, "SELECT SUM(CAST(LENGTH(DATA) AS BIGINT)) FROM MONITORING_CHUNK");
        long chunks = scalar(ds, "SELECT COUNT(*) FROM MONITORING_CHUNK");
        long chunkTable = allocated(ds, "MONITORING_CHUNK");
        long rollupTable = allocated(ds, "MONITORING_ROLLUP");
        System.out.printf("metric store bytes/sample on disk: %.2f (Derby pages allocated to MONITORING_CHUNK and its"
                + " indexes, SYSCS_DIAG.SPACE_TABLE: %,d B for %,d chunks)   goal <= 4%n", (double) chunkTable / total,
                chunkTable, chunks);
        System.out.printf("  chunk payload alone: %.2f bytes/sample (%,d B); rollup table (5 min + 1 h): %,d B = %.2f"
                + " bytes/sample more%n", (double) payload / total, payload, rollupTable, (double) rollupTable / total);
        query(store, ids[SERIES / 2]);
        codecOnly();
        baseline(folder.resolve("baseline"));
    }

    private static void query(TimeSeriesStore store, int id) {
        long from = T0;
        long to = T0 + 24 * 3_600_000L;
        int n = 0;
        for (int i = 0; i < 200; i++) {
            n = store.query(id, from, to, 10_000).size();
        }
        long[] ns = new long[200];
        for (int i = 0; i < ns.length; i++) {
            long s = System.nanoTime();
            n = store.query(id, from, to, 10_000).size();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        System.out.printf("24 h raw query, one series (%,d samples): median %.2f ms, p99 %.2f ms   goal < 10 ms%n", n,
                ns[ns.length / 2] / 1e6, ns[ns.length * 99 / 100] / 1e6);
    }

    /** Codec figures for harder data: jittered timestamps and random doubles. */
    private static void codecOnly() {
        Random random = new Random(7);
        int n = 720;
        long[] t = new long[n];
        double[] v = new double[n];
        long time = T0;
        for (int i = 0; i < n; i++) {
            time += STEP + random.nextInt(41) - 20;
            t[i] = time;
            v[i] = Math.round(random.nextGaussian() * 1000) / 10.0;
        }
        System.out.printf("  codec only, 720 samples, timestamps +-20 ms jitter and random 1-decimal values: %.2f bytes/sample;",
                GorillaCodec.encode(t, v, n).length / (double) n);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble();
        }
        System.out.printf(" random doubles: %.2f bytes/sample%n", GorillaCodec.encode(t, v, n).length / (double) n);
    }

    private static void baseline(Path db) throws Exception {
        EmbeddedDataSource ds = dataSource(db);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE METRIC_SAMPLE (SERIES_ID INTEGER NOT NULL, TS BIGINT NOT NULL,"
                    + " VAL DOUBLE NOT NULL, PRIMARY KEY (SERIES_ID, TS))");
        }
        int perSeries = 200;
        long total = (long) SERIES * perSeries;
        Values values = new Values(SERIES, 42);
        long start = System.nanoTime();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO METRIC_SAMPLE VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            int batch = 0;
            for (int k = 0; k < perSeries; k++) {
                for (int i = 0; i < SERIES; i++) {
                    ps.setInt(1, i);
                    ps.setLong(2, T0 + k * STEP);
                    ps.setDouble(3, values.next(i));
                    ps.addBatch();
                    if (++batch == 1000) {
                        ps.executeBatch();
                        c.commit();
                        batch = 0;
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = allocated(ds, "METRIC_SAMPLE");
        System.out.printf("baseline, batched JDBC inserts of one row per sample (batches of 1,000, one commit each):"
                + " %,.0f samples/s (%,d samples in %.2f s), %.2f bytes/sample (pages of METRIC_SAMPLE and its"
                + " primary key)%n", total / seconds, total, seconds, (double) bytes / total);
        long s = System.nanoTime();
        int n = 0;
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT TS, VAL FROM METRIC_SAMPLE WHERE SERIES_ID = ?"
                        + " AND TS >= ? AND TS < ? ORDER BY TS")) {
            ps.setInt(1, SERIES / 2);
            ps.setLong(2, T0);
            ps.setLong(3, T0 + 24 * 3_600_000L);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List.of(new Sample(rs.getLong(1), rs.getDouble(2)));
                    n++;
                }
            }
        }
        System.out.printf("  baseline query of one series (%,d rows, cold): %.2f ms%n", n, (System.nanoTime() - s) / 1e6);
    }

    private static EmbeddedDataSource dataSource(Path db) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static long scalar(EmbeddedDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Bytes of the pages allocated to a table and its indexes (used and free pages). */
    private static long allocated(EmbeddedDataSource ds, String table) throws Exception {
        return scalar(ds, "SELECT SUM(CAST((NUMALLOCATEDPAGES + NUMFREEPAGES) AS BIGINT) * PAGESIZE)"
                + " FROM TABLE (SYSCS_DIAG.SPACE_TABLE('APP', '" + table + "')) T");
    }

    /** Deterministic values: a quarter each of counters, integer gauges, 1-decimal gauges, rarely changing values. */
    static final class Values {
        private final double[] state;
        private final Random random;

        Values(int series, long seed) {
            state = new double[series];
            random = new Random(seed);
            for (int i = 0; i < series; i++) {
                state[i] = 50 + random.nextInt(50);
            }
        }

        double next(int i) {
            double v = switch (i & 3) {
                case 0 -> state[i] + random.nextInt(200);
                case 1 -> Math.max(0, state[i] + random.nextInt(5) - 2);
                case 2 -> Math.round((state[i] + random.nextGaussian()) * 10) / 10.0;
                default -> random.nextInt(100) == 0 ? state[i] + 1 : state[i];
            };
            state[i] = v;
            return v;
        }
    }
}
