package org.opsbench.rest.internal.ops;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.opsbench.persistence.PoolStatistics;
import org.opsbench.rest.MetricsSink;

/** The shared data source's connection pool: connections lent, idle, the maximum and callers waiting. */
public final class PoolMetrics {

    private PoolMetrics() {
    }

    /** Writes the pool figures of {@code source} into {@code sink}; nothing when it has no pool statistics. */
    public static void collect(DataSource source, MetricsSink sink) {
        PoolStatistics pool;
        try {
            if (source == null || !source.isWrapperFor(PoolStatistics.class)) {
                return;
            }
            pool = source.unwrap(PoolStatistics.class);
        } catch (SQLException e) {
            return;
        }
        Map<String, String> labels = Map.of("pool", "default");
        sink.gauge("opsbench_db_pool_connections_active", "Database connections lent to callers", labels,
                pool.activeConnections());
        sink.gauge("opsbench_db_pool_connections_idle", "Database connections open but not lent", labels,
                pool.idleConnections());
        sink.gauge("opsbench_db_pool_connections_max", "The most database connections lent at once", labels,
                pool.maxConnections());
        sink.gauge("opsbench_db_pool_waiting_callers", "Callers waiting for a free database connection", labels,
                pool.waitingCallers());
    }
}
