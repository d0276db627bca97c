package org.opsbench.persistence.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.opsbench.core.Principal;
import org.opsbench.core.security.Secret;
import org.opsbench.core.security.SecretStore;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.PasswordReference;
import org.opsbench.persistence.PoolStatistics;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The shared {@link DataSource}: embedded Derby in the workspace unless a URL is configured, behind a bounded
 * {@link ConnectionPool}. A configuration change re-creates it (and so every component that uses it).
 */
@Component(service = DataSource.class, configurationPid = Database.CONFIGURATION_PID, immediate = true, property = Database.DATASOURCE_PROPERTY
        + "=" + Database.DEFAULT)
@Designate(ocd = DataSourceConfig.class)
public final class PooledDataSource implements DataSource, PoolStatistics {

    private static final String DERBY_LOG_PROPERTY = "derby.stream.error.file";

    private final Logger logger;
    private final ConnectionSource source;
    private final ConnectionPool pool;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Driver> drivers = List.of();

    /** Opens the pool; embedded Derby is booted (and created) right away so that a broken database shows at start. */
    @Activate
    public PooledDataSource(BundleContext context, DataSourceConfig config,
            @Reference(service = LoggerFactory.class) Logger logger)
            throws SQLException {
        this.logger = logger;
        String user = config.user().strip();
        String password = password(config, context);
        String url = config.url().strip();
        if (url.isEmpty()) {
            Path workspace = workspace(context);
            routeDerbyLog(workspace);
            source = EmbeddedDerby.inFolder(workspace.resolve("db"), user, password);
        } else {
            source = EmbeddedDerby.fromUrl(url, user, password)
                    .<ConnectionSource>map(derby -> derby)
                    .orElseGet(() -> PostgresSource.accepts(url)
                            ? new PostgresSource(url, user, password)
                            : new DriverSource(url, user, password, () -> drivers));
        }
        pool = new ConnectionPool(source, config.poolSize(), Duration.ofSeconds(config.connectionTimeout()));
        if (source instanceof EmbeddedDerby) {
            try (Connection c = pool.getConnection()) {
                logger.info("Opsbench database: {} ({} {}), pool of {}", source,
                        c.getMetaData().getDatabaseProductName(), c.getMetaData().getDatabaseProductVersion(),
                        config.poolSize());
            } catch (SQLException e) {
                pool.close();
                throw new SQLException("Cannot open " + source + ": " + e.getMessage(), e.getSQLState(), e);
            }
        } else {
            logger.info("Opsbench database: {}, pool of {}", source, config.poolSize());
        }
    }

    /** Closes every connection and shuts embedded Derby down cleanly, so the next start needs no recovery. */
    @Deactivate
    void deactivate() {
        pool.close();
        if (source instanceof EmbeddedDerby derby) {
            try {
                derby.shutdown();
                logger.info("Opsbench database: {} shut down", source);
            } catch (SQLException e) {
                logger.warn("Opsbench database: {} did not shut down cleanly: {} {}", source, e.getSQLState(),
                        e.getMessage());
            }
        }
    }

    private static Path workspace(BundleContext context) {
        String configured = context.getProperty(Database.WORKSPACE_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(Database.WORKSPACE_PROPERTY);
        }
        if (configured == null || configured.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".opsbench");
        }
        return Path.of(configured).toAbsolutePath();
    }

    /** Derby writes derby.log into the working folder unless told otherwise; keep it in the workspace. */
    private static void routeDerbyLog(Path workspace) {
        if (System.getProperty(DERBY_LOG_PROPERTY) == null) {
            workspace.toFile().mkdirs();
            System.setProperty(DERBY_LOG_PROPERTY, workspace.resolve("derby.log").toString());
        }
    }

    // Looked up by hand, only when an alias is configured: the security area's store keeps its secrets in the shared
    // database, so a DS reference from the data source to it would be a cycle (DataSource -> SecretStore ->
    // DataSource) that makes SCR reactivate both in a loop. The alias must name a vault the data source does not need.
    private static String password(DataSourceConfig config, BundleContext context) {
        String alias = config.passwordAlias().strip();
        String reference = config.passwordReference().strip();
        if (!alias.isEmpty() && !reference.isEmpty()) {
            throw new IllegalArgumentException("Set either passwordAlias or passwordReference in "
                    + Database.CONFIGURATION_PID + ", not both");
        }
        if (!reference.isEmpty()) {
            return PasswordReference.resolve("passwordReference in " + Database.CONFIGURATION_PID, reference, context);
        }
        return aliased(alias, context);
    }

    private static String aliased(String alias, BundleContext context) {
        if (alias.isEmpty()) {
            return null;
        }
        ServiceReference<SecretStore> ref = context.getServiceReference(SecretStore.class);
        SecretStore store = ref == null ? null : context.getService(ref);
        if (store == null) {
            throw new IllegalStateException("The database password alias '" + alias + "' is configured in "
                    + Database.CONFIGURATION_PID + ", but no SecretStore service is available to resolve it."
                    + " Install the security area, or clear passwordAlias.");
        }
        try {
            Optional<Secret> secret = store.lookup(Principal.system("persistence"), alias);
            try (Secret s = secret.orElseThrow(() -> new IllegalStateException("The SecretStore holds no secret under"
                    + " the alias '" + alias + "' configured as database password in " + Database.CONFIGURATION_PID))) {
                return new String(s.chars());
            }
        } finally {
            context.ungetService(ref);
        }
    }

    /** Where the connections come from (for the PostgreSQL backup, which needs the same settings). */
    ConnectionSource source() {
        return source;
    }

    /** The pool behind this data source (for tests and diagnostics). */
    public ConnectionPool pool() {
        return pool;
    }

    @Override
    public int activeConnections() {
        return pool.active();
    }

    @Override
    public int idleConnections() {
        return pool.idle();
    }

    @Override
    public int maxConnections() {
        return pool.maxSize();
    }

    @Override
    public int waitingCallers() {
        return pool.waiting();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(
                "the shared Opsbench data source takes its credentials from its configuration only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through the OSGi log service
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the wait for a connection is configured (connectionTimeout), not set per caller
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("logging goes through the OSGi log service");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
