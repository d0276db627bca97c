package org.opsbench.assets.internal.service;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.opsbench.assets.internal.store.GraphIndex;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.SchemaMigrations;
import org.opsbench.persistence.Transactions;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The area's tables on the shared data source: migrates them at activation, then runs the services' work, each call one
 * transaction.
 */
@Component(service = AssetsDatabase.class)
public final class AssetsDatabase {

    /** The area name in the schema history. */
    public static final String AREA = "assets";

    private final DataSource dataSource;
    private final GraphIndex graph = new GraphIndex();

    /** Migrates the schema. */
    @Activate
    public AssetsDatabase(@Reference(target = Database.DEFAULT_DATASOURCE_FILTER) DataSource dataSource,
            @Reference SchemaMigrations migrations, BundleContext context) {
        this.dataSource = dataSource;
        migrations.migrate(AREA, context.getBundle(), "migrations");
    }

    /** On an already migrated data source (benchmark). */
    public AssetsDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The in-memory relationship graph of this process. */
    public GraphIndex graph() {
        return graph;
    }

    /** Runs {@code work} in one transaction; a database failure becomes an {@link IllegalStateException}. */
    public <T> T tx(Transactions.SqlWork<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("the assets database failed: " + e.getMessage(), e);
        }
    }
}
