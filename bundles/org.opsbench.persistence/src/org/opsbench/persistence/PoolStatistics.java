package org.opsbench.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only figures of the shared data source's connection pool, for monitoring (the REST server's {@code /metrics}).
 * The shared {@link javax.sql.DataSource} service answers it through the JDBC wrapper methods:
 * {@code dataSource.isWrapperFor(PoolStatistics.class)}, then {@code dataSource.unwrap(PoolStatistics.class)}.
 */
@ProviderType
public interface PoolStatistics {

    /** Connections lent to callers right now. */
    int activeConnections();

    /** Connections open but not lent. */
    int idleConnections();

    /** The most connections lent at once ({@code poolSize}). */
    int maxConnections();

    /** Callers waiting for a free connection right now (an estimate, as {@link java.util.concurrent.Semaphore}). */
    int waitingCallers();
}
