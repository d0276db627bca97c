package org.opsbench.monitoring.internal.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opsbench.monitoring.metrics.MetricQueryResult;
import org.opsbench.monitoring.metrics.MetricStore;
import org.opsbench.monitoring.metrics.Resolution;
import org.opsbench.monitoring.metrics.RollupPoint;
import org.opsbench.monitoring.metrics.Sample;
import org.opsbench.monitoring.metrics.SeriesKey;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The {@link MetricStore} service on the shared database. Its tables are migrated at activation (area {@value #AREA});
 * buffered samples are flushed at deactivation. A configuration change restarts it.
 */
@Component(service = MetricStore.class, configurationPid = MetricStoreComponent.PID)
@Designate(ocd = MetricStoreConfig.class)
public final class MetricStoreComponent implements MetricStore {

    /** The configuration PID. */
    public static final String PID = "org.opsbench.monitoring.metrics";
    /** Area name in the schema history. */
    public static final String AREA = "monitoring";

    private final TimeSeriesStore store;

    @Activate
    public MetricStoreComponent(BundleContext context,
            @Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference SchemaMigrations migrations, MetricStoreConfig config) {
        migrations.migrate(AREA, context.getBundle(), "migrations");
        store = new TimeSeriesStore(dataSource, retention(config));
    }

    static Retention retention(MetricStoreConfig config) {
        return new Retention(Duration.ofDays(config.rawRetentionDays()),
                Duration.ofDays(config.fiveMinuteRetentionDays()), Duration.ofDays(config.oneHourRetentionDays()));
    }

    @Deactivate
    void deactivate() {
        store.flush();
    }

    @Override
    public SeriesKey series(String name, String unit) {
        return store.series(name, unit);
    }

    @Override
    public Optional<SeriesKey> findSeries(String name) {
        return store.findSeries(name);
    }

    @Override
    public List<SeriesKey> allSeries() {
        return store.allSeries();
    }

    @Override
    public void append(int seriesId, long epochMillis, double value) {
        store.append(seriesId, epochMillis, value);
    }

    @Override
    public void flush() {
        store.flush();
    }

    @Override
    public int purge(long nowMillis) {
        return store.purge(nowMillis);
    }

    @Override
    public List<Sample> raw(int seriesId, long from, long to) {
        return store.raw(seriesId, from, to);
    }

    @Override
    public List<RollupPoint> rollups(int seriesId, Resolution resolution, long from, long to) {
        return store.rollups(seriesId, resolution, from, to);
    }

    @Override
    public MetricQueryResult query(int seriesId, long from, long to, int maxPoints) {
        return store.query(seriesId, from, to, maxPoints);
    }
}
