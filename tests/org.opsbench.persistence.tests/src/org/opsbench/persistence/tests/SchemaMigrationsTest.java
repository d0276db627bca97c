package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsbench.core.events.EventProperties;
import org.opsbench.core.events.Topics;
import org.opsbench.persistence.AppliedMigration;
import org.opsbench.persistence.Migration;
import org.opsbench.persistence.MigrationException;
import org.opsbench.persistence.MigrationReport;
import org.opsbench.persistence.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Versioned migrations: once and only once, all or nothing, never an edited version. */
class SchemaMigrationsTest {

    @RegisterExtension
    static final DerbyDatabase DB = new DerbyDatabase();

    private static final List<Migration> TWO_STEPS = List.of(
            Migration.sql(1, "create hosts", "CREATE TABLE HOSTS (ID INT PRIMARY KEY, NAME VARCHAR(50));"),
            Migration.java(2, "seed localhost", c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO HOSTS VALUES (1, 'localhost')");
                }
            }));

    @Test
    void migrationIsAppliedOnceAndOnlyOnce() throws Exception {
        SchemaMigrations migrations = DB.service(SchemaMigrations.class);
        MigrationReport first = migrations.migrate("hosts", TWO_STEPS);
        assertEquals(List.of(1, 2), first.applied().stream().map(AppliedMigration::version).toList());
        assertEquals(2, first.schemaVersion());

        MigrationReport second = migrations.migrate("hosts", TWO_STEPS);
        assertTrue(second.upToDate(), "second run applied " + second.applied());
        assertEquals(2, second.schemaVersion());
        assertEquals(1, count("SELECT COUNT(*) FROM HOSTS"), "the Java step ran twice");
        assertEquals(List.of(1, 2), migrations.history("hosts").stream().map(AppliedMigration::version).toList());
    }

    @Test
    void migrationIsNotAppliedAgainAfterReactivation() throws Exception {
        DB.service(SchemaMigrations.class).migrate("hosts", TWO_STEPS);
        // a new data source generation re-creates the data source and the migration service on the same database
        DB.reconfigure(Map.of("poolSize", 3));
        SchemaMigrations again = DB.service(SchemaMigrations.class);
        MigrationReport report = again.migrate("hosts", TWO_STEPS);
        assertTrue(report.upToDate(), "applied again after re-activation: " + report.applied());
        assertEquals(2, again.history("hosts").size());
        assertEquals(1, count("SELECT COUNT(*) FROM OPSBENCH_SCHEMA_HISTORY WHERE AREA = 'hosts' AND VERSION = 1"));
    }

    @Test
    void onlyNewVersionsAreAppliedToAnExistingSchema() throws Exception {
        SchemaMigrations migrations = DB.service(SchemaMigrations.class);
        migrations.migrate("hosts", TWO_STEPS.subList(0, 1));
        MigrationReport report = migrations.migrate("hosts", TWO_STEPS);
        assertEquals(List.of(2), report.applied().stream().map(AppliedMigration::version).toList());
    }

    @Test
    void failedMigrationRollsBackTheWholeRunAndNamesAreaVersionAndLine() throws Exception {
        CompletableFuture<Event> posted = new CompletableFuture<>();
        ServiceRegistration<EventHandler> handler = listen(posted);
        try {
            SchemaMigrations migrations = DB.service(SchemaMigrations.class);
            List<Migration> steps = List.of(Migration.sql(1, "create first", "CREATE TABLE OK_FIRST (ID INT);"),
                    Migration.sql(2, "broken", """
                            -- the first statement works, the second does not
                            CREATE TABLE BROKEN_FIRST (ID INT);
                            INSERT INTO MISSING_TABLE
                                VALUES (1);
                            """));
            MigrationException e = assertThrows(MigrationException.class, () -> migrations.migrate("broken", steps));
            assertEquals("broken", e.area());
            assertEquals(2, e.version());
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("area 'broken'") && e.getMessage().contains("version 2")
                    && e.getMessage().contains("line 3") && e.getMessage().contains("MISSING_TABLE"),
                    e.getMessage());
            assertTrue(e.getCause() instanceof SQLException);

            assertFalse(tableExists("BROKEN_FIRST"), "the first statement of the failed version was not rolled back");
            assertFalse(tableExists("OK_FIRST"), "the earlier version of the same run was not rolled back");
            assertTrue(migrations.history("broken").isEmpty(), "a failed run wrote history");

            Event event = posted.get(DerbyDatabase.WAIT_MILLIS, TimeUnit.MILLISECONDS);
            assertEquals("broken", event.getProperty(EventProperties.AREA));
            assertTrue(((String) event.getProperty(EventProperties.REASON)).contains("version 2"));
        } finally {
            handler.unregister();
        }
    }

    @Test
    void changedChecksumOfAnAppliedVersionIsRefused() throws Exception {
        SchemaMigrations migrations = DB.service(SchemaMigrations.class);
        migrations.migrate("hosts", TWO_STEPS);
        List<Migration> edited = List.of(Migration.sql(1, "create hosts",
                "CREATE TABLE HOSTS (ID INT PRIMARY KEY, NAME VARCHAR(80));"), TWO_STEPS.get(1),
                Migration.sql(3, "add column", "ALTER TABLE HOSTS ADD COLUMN NOTE VARCHAR(20);"));
        MigrationException e = assertThrows(MigrationException.class, () -> migrations.migrate("hosts", edited));
        assertEquals(1, e.version());
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains("changed"), e.getMessage());
        assertEquals(2, migrations.history("hosts").size(), "version 3 must not run after a refused checksum");
    }

    @Test
    void scriptsAreLoadedFromABundleFolderInVersionOrder() throws Exception {
        SchemaMigrations migrations = DB.service(SchemaMigrations.class);
        MigrationReport report = migrations.migrate("items", FrameworkUtil.getBundle(getClass()), "migrations/items");
        assertEquals(List.of("create items", "index item names"),
                report.applied().stream().map(AppliedMigration::description).toList());
        assertTrue(tableExists("ITEMS"));
        assertThrows(IllegalArgumentException.class,
                () -> migrations.migrate("items", FrameworkUtil.getBundle(getClass()), "migrations/none"));
    }

    @Test
    void concurrentRunsOfOneAreaApplyEachVersionOnce() throws Exception {
        SchemaMigrations migrations = DB.service(SchemaMigrations.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MigrationReport>> runs = List.of(pool.submit(() -> migrations.migrate("hosts", TWO_STEPS)),
                    pool.submit(() -> migrations.migrate("hosts", TWO_STEPS)),
                    pool.submit(() -> migrations.migrate("other", List.of(Migration.sql(1, "create other",
                            "CREATE TABLE OTHER (ID INT);")))),
                    pool.submit(() -> migrations.migrate("hosts", TWO_STEPS)));
            int applied = 0;
            for (Future<MigrationReport> run : runs) {
                MigrationReport r = run.get(DerbyDatabase.WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (r.area().equals("hosts")) {
                    applied += r.applied().size();
                }
            }
            assertEquals(2, applied, "versions of 'hosts' applied across the concurrent runs");
            assertEquals(1, count("SELECT COUNT(*) FROM HOSTS"));
            assertEquals(1, migrations.history("other").size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ServiceRegistration<EventHandler> listen(CompletableFuture<Event> posted) {
        BundleContext context = FrameworkUtil.getBundle(SchemaMigrationsTest.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, Topics.PLATFORM_MIGRATION_FAILED);
        return context.registerService(EventHandler.class, posted::complete, props);
    }

    /** Whether the table exists, as the database stores unquoted names (upper case in Derby, lower in PostgreSQL). */
    private static boolean tableExists(String name) throws Exception {
        DataSource ds = DB.dataSource();
        try (Connection c = ds.getConnection()) {
            var meta = c.getMetaData();
            String stored = meta.storesLowerCaseIdentifiers()
                    ? name.toLowerCase(java.util.Locale.ROOT)
                    : name.toUpperCase(java.util.Locale.ROOT);
            try (ResultSet rs = meta.getTables(null, null, stored, null)) {
                return rs.next();
            }
        }
    }

    private static int count(String sql) throws Exception {
        try (Connection c = DB.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
