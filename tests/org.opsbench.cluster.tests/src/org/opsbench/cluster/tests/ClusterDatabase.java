package org.opsbench.cluster.tests;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.opsbench.cluster.Nodes;
import org.opsbench.persistence.Database;
import org.opsbench.testing.Services;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The shared (Derby) database of the test framework, its cluster tables migrated and emptied. */
final class ClusterDatabase {

    private ClusterDatabase() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(ClusterDatabase.class).getBundleContext();
    }

    /** The data source, once the cluster service (which migrates its tables) is up; the tables emptied. */
    static DataSource fresh() throws Exception {
        BundleContext context = context();
        Services.await(context, Nodes.class, null, Duration.ofSeconds(30));
        DataSource ds = Services.await(context, DataSource.class, Database.DEFAULT_DATASOURCE_FILTER,
                Duration.ofSeconds(30));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM CLU_LEASE");
            s.executeUpdate("DELETE FROM CLU_NODE");
            s.executeUpdate("DELETE FROM CLU_EVENT");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return ds;
    }
}
