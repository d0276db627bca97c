package org.opsbench.testing;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs a test bundle's persistence-facing tests against PostgreSQL instead of the embedded workspace Derby: with
 * {@code -Dopsbench.test.database=postgres} and JUnit's extension autodetection on
 * ({@code -Djunit.jupiter.extensions.autodetection.enabled=true}), and this class named in the test bundle's
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}, the first test class of the run starts one
 * {@link PostgresExtension} server for the whole JVM and points the shared data source at it before its tests run. The
 * areas' components restart on the new data source and apply their migrations there. Without the property it does
 * nothing.
 */
public final class PostgresSuite implements BeforeAllCallback {

    private static PostgresExtension server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!PostgresExtension.requested()) {
            return;
        }
        Bundle bundle = FrameworkUtil.getBundle(context.getRequiredTestClass());
        synchronized (PostgresSuite.class) {
            if (server != null) {
                return;
            }
            PostgresExtension pg = new PostgresExtension();
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    System.out.println("PostgreSQL suite: " + summary(pg));
                } catch (Throwable e) {
                    System.out.println("PostgreSQL suite: no summary (" + e.getMessage() + ")");
                }
                try {
                    pg.stop();
                } catch (Exception e) {
                    System.err.println("PostgreSQL test server did not stop: " + e);
                }
            }, "opsbench-postgres-stop"));
            DataSource ds = pg.configureDataSource(bundle.getBundleContext(), PostgresExtension.DATABASE,
                    Map.of("poolSize", 16));
            try (Connection c = ds.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName();
                if (!"PostgreSQL".equals(product)) {
                    throw new IllegalStateException("the shared data source is " + product + ", not PostgreSQL");
                }
                System.out.println("PostgreSQL suite: " + bundle.getSymbolicName() + " runs on " + pg.url() + " ("
                        + c.getMetaData().getDatabaseProductVersion() + ")");
            }
            server = pg;
        }
    }

    /**
     * The evidence in the build log: the areas that migrated on PostgreSQL (in the suite's database; fixtures that
     * create a database per test report theirs as a count) and the tables of the suite's database.
     */
    private static String summary(PostgresExtension pg) {
        boolean migrated = !pg.psql(PostgresExtension.DATABASE, "SELECT to_regclass('opsbench_schema_history')")
                .isEmpty();
        String history = migrated
                ? pg.psql(PostgresExtension.DATABASE, "SELECT string_agg(area || '=v' || v, ' ')"
                        + " FROM (SELECT area, MAX(version) v FROM opsbench_schema_history GROUP BY area ORDER BY area) h")
                : "none";
        String tables = pg.psql(PostgresExtension.DATABASE,
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'");
        String databases = pg.psql("postgres", "SELECT COUNT(*) FROM pg_database WHERE NOT datistemplate");
        return "schema history " + history + "; tables " + tables + "; databases " + databases;
    }

    /** The server of this run, or {@code null} when the run uses Derby. */
    public static synchronized PostgresExtension server() {
        return server;
    }
}
