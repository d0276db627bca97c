package org.opsbench.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.persistence.AppliedMigration;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.Migration;
import org.opsbench.persistence.MigrationException;
import org.opsbench.persistence.MigrationReport;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link SchemaMigrations} on the shared data source. Runs are serialized twice: by a lock in this JVM (so two areas
 * starting at once do not wait on each other's database locks), and by a table lock on the history table (so two
 * processes on one database do not both migrate).
 */
@Component(service = SchemaMigrations.class, immediate = true)
public final class SchemaMigrationsService implements SchemaMigrations {

    private final DataSource dataSource;
    private final Logger logger;
    private final ReentrantLock lock = new ReentrantLock(true);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /** Binds the shared data source. */
    @Activate
    public SchemaMigrationsService(@Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference(service = LoggerFactory.class) Logger logger) {
        this.dataSource = dataSource;
        this.logger = logger;
    }

    @Override
    public MigrationReport migrate(String area, List<Migration> steps) {
        MigrationRunner runner = new MigrationRunner(area, steps);
        lock.lock();
        try (Connection c = dataSource.getConnection()) {
            MigrationReport report = runner.run(c);
            for (AppliedMigration m : report.applied()) {
                logger.info("Schema of area {}: applied version {} ({}) in {} ms", area, m.version(), m.description(),
                        m.durationMillis());
            }
            if (report.upToDate()) {
                logger.debug("Schema of area {} is up to date at version {}", area, report.schemaVersion());
            }
            return report;
        } catch (MigrationException e) {
            throw failed(e);
        } catch (SQLException e) {
            throw failed(new MigrationException(area, 0, 0, "Migration of area '" + area + "' failed: "
                    + e.getSQLState() + ": " + e.getMessage() + ". Nothing of this run was applied.", e));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public MigrationReport migrate(String area, Bundle bundle, String folder) {
        return migrate(area, ScriptLoader.load(bundle, folder));
    }

    @Override
    public List<AppliedMigration> history(String area) {
        try (Connection c = dataSource.getConnection()) {
            HistoryTable.ensureExists(c);
            return HistoryTable.read(c, area);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema history of area '" + area + "': " + e.getMessage(),
                    e);
        }
    }

    private MigrationException failed(MigrationException e) {
        logger.error(e.getMessage());
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(Topics.PLATFORM_MIGRATION_FAILED, Map.of(EventProperties.AREA, e.area(),
                    EventProperties.REASON, e.getMessage(), EventProperties.TIMESTAMP, System.currentTimeMillis())));
        }
        return e;
    }
}
