package org.opsbench.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opsbench.monitoring.internal.metrics.MetricStoreComponent;
import org.opsbench.monitoring.internal.metrics.MetricStoreConfig;
import org.opsbench.monitoring.internal.metrics.Retention;
import org.opsbench.monitoring.internal.metrics.TimeSeriesStore;
import org.opsbench.monitoring.metrics.MetricQueryResult;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.RollupPoint;
import org.opsbench.monitoring.metrics.Sample;
import org.opsbench.monitoring.metrics.SeriesKey;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The metric store service on the test runtime's workspace database (real Derby). Every test uses its own series and
 * its own years, so that {@link MetricStore#purge} of one test cannot touch the data of another.
 */
class MetricStoreTest {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final AtomicInteger GENERATION = new AtomicInteger();

    @AfterAll
    static void removeConfiguration() throws Exception {
        configuration().delete();
    }

    private static Configuration configuration() throws Exception {
        return Osgi.service(ConfigurationAdmin.class, null).getConfiguration(MetricStoreComponent.PID, "?");
    }

    private static MetricStore store() throws Exception {
        return Osgi.service(MetricStore.class, null);
    }

    /** Restarts the store through a configuration change; returns the new instance. */
    private static MetricStore restart(int rawRetentionDays) throws Exception {
        int generation = GENERATION.incrementAndGet();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("rawRetentionDays", rawRetentionDays);
        properties.put("opsbench.test.generation", generation);
        configuration().update(properties);
        return Osgi.service(MetricStore.class, "(opsbench.test.generation=" + generation + ")");
    }

    private static SeriesKey newSeries(MetricStore store) {
        return store.series("test/" + UUID.randomUUID(), "ms");
    }

    private static long year(int year) {
        return java.time.LocalDate.of(year, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void aSeriesAnotherNodeCreatedAfterThisStoreStartedIsFoundNotInsertedAgain() throws Exception {
        javax.sql.DataSource ds = Osgi.service(javax.sql.DataSource.class,
                org.opsbench.persistence.Database.DEFAULT_DATASOURCE_FILTER);
        // two nodes on one database: each store read the series list at its start
        TimeSeriesStore here = new TimeSeriesStore(ds, Retention.DEFAULT);
        TimeSeriesStore other = new TimeSeriesStore(ds, Retention.DEFAULT);
        String name = "test/" + UUID.randomUUID();
        SeriesKey theirs = other.series(name, "ms");
        // this node takes the check over: its first sample names the series the other created
        SeriesKey mine = here.series(name, "ms");
        assertEquals(theirs, mine);
        long t0 = year(2041);
        here.append(mine.id(), t0, 1.5);
        here.flush();
        assertEquals(List.of(new Sample(t0, 1.5)), other.raw(theirs.id(), t0, t0 + HOUR));
    }

    @Test
    void samplesRoundTripThroughDerby() throws Exception {
        MetricStore store = store();
        SeriesKey key = newSeries(store);
        assertEquals(key, store.findSeries(key.name()).orElseThrow());
        assertEquals(key, store.series(key.name(), "other unit"));
        long t0 = year(2030);
        List<Sample> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double v = i % 100 == 0 ? Double.NaN : Math.sin(i / 50.0) * 100;
            written.add(new Sample(t0 + i * 10_000L + (i % 7), v));
        }
        store.append(key.id(), written);
        // buffered samples are visible before the flush
        assertEquals(written, store.raw(key.id(), t0, t0 + DAY));
        store.flush();
        assertEquals(written, store.raw(key.id(), t0, t0 + DAY));
        assertEquals(written.subList(100, 200),
                store.raw(key.id(), written.get(100).epochMillis(), written.get(200).epochMillis()));
        // an older sample is dropped
        store.append(key.id(), t0, 1);
        store.flush();
        assertEquals(3000, store.raw(key.id(), t0, t0 + DAY).size());
    }

    @Test
    void rollupsHoldMinMaxAvgAndMergeAcrossFlushes() throws Exception {
        MetricStore store = store();
        SeriesKey key = newSeries(store);
        long t0 = year(2031);
        // 2 hours every 10 s: value = index within its 5-minute bucket (0..29); one NaN per hour, not counted
        for (int i = 0; i < 720; i++) {
            double v = i % 360 == 7 ? Double.NaN : i % 30;
            store.append(key.id(), t0 + i * 10_000L, v);
            if (i % 100 == 0) {
                store.flush();
            }
        }
        List<RollupPoint> five = store.rollups(key.id(), Resolution.FIVE_MINUTES, t0, t0 + 2 * HOUR);
        assertEquals(24, five.size());
        assertEquals(new RollupPoint(t0, 0, 29, (435.0 - 7) / 29, 29), five.get(0));
        assertEquals(new RollupPoint(t0 + 5 * 60_000, 0, 29, 14.5, 30), five.get(1));
        store.flush();
        assertEquals(five, store.rollups(key.id(), Resolution.FIVE_MINUTES, t0, t0 + 2 * HOUR));
        List<RollupPoint> hours = store.rollups(key.id(), Resolution.ONE_HOUR, t0, t0 + 2 * HOUR);
        assertEquals(List.of(new RollupPoint(t0, 0, 29, (12 * 435.0 - 7) / 359, 359),
                new RollupPoint(t0 + HOUR, 0, 29, (12 * 435.0 - 7) / 359, 359)), hours);
    }

    @Test
    void queryPicksTheResolution() throws Exception {
        MetricStore store = store();
        SeriesKey key = newSeries(store);
        long t0 = year(2032);
        for (int i = 0; i < 8640; i++) {
            store.append(key.id(), t0 + i * 10_000L, i);
        }
        store.flush();
        MetricQueryResult raw = store.query(key.id(), t0, t0 + DAY, 10_000);
        assertEquals(Resolution.RAW, raw.resolution());
        assertEquals(8640, raw.size());
        MetricQueryResult five = store.query(key.id(), t0, t0 + DAY, 1000);
        assertEquals(Resolution.FIVE_MINUTES, five.resolution());
        assertEquals(288, five.size());
        assertEquals(new RollupPoint(t0, 0, 29, 14.5, 30), five.points().get(0));
        MetricQueryResult hour = store.query(key.id(), t0, t0 + DAY, 100);
        assertEquals(Resolution.ONE_HOUR, hour.resolution());
        assertEquals(24, hour.size());
        assertEquals(Resolution.ONE_HOUR, store.query(key.id(), t0, t0 + DAY, 10).resolution());
        MetricQueryResult hourRange = store.query(key.id(), t0, t0 + HOUR, 360);
        assertEquals(Resolution.RAW, hourRange.resolution());
        assertEquals(360, hourRange.size());
    }

    @Test
    void purgeDropsOldRawChunksButKeepsRollups() throws Exception {
        MetricStore store = store();
        SeriesKey key = newSeries(store);
        long t0 = year(2001);
        for (int i = 0; i < 2 * 8640; i++) {
            store.append(key.id(), t0 + i * 10_000L, 1 + i % 3);
        }
        store.flush();
        // default retention: raw 7 days; now = day 8.5: the first day's chunks are gone, the second day's kept
        store.purge(t0 + 8 * DAY + 12 * HOUR);
        List<Sample> left = store.raw(key.id(), t0, t0 + 2 * DAY);
        assertTrue(left.size() >= 4320 && left.size() <= 8640, "left " + left.size());
        assertTrue(left.get(0).epochMillis() >= t0 + DAY - 2 * HOUR, "first left " + left.get(0));
        assertEquals(48, store.rollups(key.id(), Resolution.ONE_HOUR, t0, t0 + 2 * DAY).size());
        assertEquals(576, store.rollups(key.id(), Resolution.FIVE_MINUTES, t0, t0 + 2 * DAY).size());
        // past their retention, the rollups go too
        store.purge(t0 + 800 * DAY);
        assertEquals(0, store.raw(key.id(), t0, t0 + 2 * DAY).size());
        assertEquals(0, store.rollups(key.id(), Resolution.FIVE_MINUTES, t0, t0 + 2 * DAY).size());
        assertEquals(0, store.rollups(key.id(), Resolution.ONE_HOUR, t0, t0 + 2 * DAY).size());
    }

    @Test
    void restartKeepsDataAndFlushesTheBuffer() throws Exception {
        MetricStore store = store();
        SeriesKey key = newSeries(store);
        long t0 = year(2033);
        for (int i = 0; i < 100; i++) {
            store.append(key.id(), t0 + i * 10_000L, i);
        }
        store.flush();
        for (int i = 100; i < 150; i++) {
            store.append(key.id(), t0 + i * 10_000L, i);
        }
        MetricStore restarted = restart(7);
        assertNotSame(store, restarted);
        assertEquals(key, restarted.findSeries(key.name()).orElseThrow());
        assertEquals(150, restarted.raw(key.id(), t0, t0 + DAY).size());
        // samples appended after the restart go on in the same buckets
        for (int i = 150; i < 360; i++) {
            restarted.append(key.id(), t0 + i * 10_000L, i);
        }
        restarted.flush();
        MetricStore again = restart(7);
        List<Sample> all = again.raw(key.id(), t0, t0 + DAY);
        assertEquals(360, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(new Sample(t0 + i * 10_000L, i), all.get(i));
        }
        assertEquals(List.of(new RollupPoint(t0, 0, 359, 179.5, 360)),
                again.rollups(key.id(), Resolution.ONE_HOUR, t0, t0 + DAY));
    }

    @Test
    void rawRetentionComesFromTheConfiguration() throws Exception {
        try {
            MetricStore store = restart(1);
            SeriesKey key = newSeries(store);
            long t0 = year(2002);
            for (int i = 0; i < 2 * 8640; i++) {
                store.append(key.id(), t0 + i * 10_000L, i % 10);
            }
            store.flush();
            store.purge(t0 + 2 * DAY + HOUR);
            List<Sample> left = store.raw(key.id(), t0, t0 + 2 * DAY);
            assertEquals(8640, left.size());
            assertEquals(t0 + DAY, left.get(0).epochMillis());
            assertEquals(48, store.rollups(key.id(), Resolution.ONE_HOUR, t0, t0 + 2 * DAY).size());
        } finally {
            restart(7);
        }
    }

    @Test
    void metatypeDescribesEveryConfigurationProperty() throws Exception {
        MetaTypeService metatype = Osgi.service(MetaTypeService.class, null);
        ObjectClassDefinition ocd = metatype
                .getMetaTypeInformation(FrameworkUtil.getBundle(MetricStoreComponent.class))
                .getObjectClassDefinition(MetricStoreComponent.PID, null);
        Map<String, String> defaults = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .collect(Collectors.toMap(AttributeDefinition::getID, a -> a.getDefaultValue()[0]));
        Set<String> configured = Arrays.stream(MetricStoreConfig.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertEquals(configured, defaults.keySet(),
                "OSGI-INF/metatype/org.opsbench.monitoring.metrics.xml and MetricStoreConfig differ");
        assertEquals(Map.of("rawRetentionDays", "7", "fiveMinuteRetentionDays", "90", "oneHourRetentionDays", "730"),
                defaults);
    }
}
