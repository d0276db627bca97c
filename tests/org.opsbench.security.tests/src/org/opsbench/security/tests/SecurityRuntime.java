package org.opsbench.security.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.core.Principal;
import org.opsbench.persistence.Database;
import org.opsbench.security.Authentication;
import org.opsbench.testing.PostgresExtension;
import org.opsbench.testing.PostgresSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * JUnit 5 fixture: fast test settings for the security area (10,000 PBKDF2 iterations, lock-out after 3 failures for 2
 * s), and a fresh embedded Derby database in a temp folder before all tests of a class (or on demand). Services are
 * waited for by service id, so a test never talks to the components of the previous database.
 */
public final class SecurityRuntime implements BeforeAllCallback, AfterAllCallback {

    static final long WAIT_MILLIS = 60_000;
    static final int LOCKOUT_SECONDS = 2;
    private static final AtomicInteger GENERATIONS = new AtomicInteger();

    private final boolean singleUser;
    private final BundleContext context = FrameworkUtil.getBundle(SecurityRuntime.class).getBundleContext();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private Path folder;
    private String pgDatabase;
    private long dataSourceId;

    /** The usual multi-user settings. */
    public SecurityRuntime() {
        this(false);
    }

    /** With {@code singleUser} as configured. */
    public SecurityRuntime(boolean singleUser) {
        this.singleUser = singleUser;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        Dictionary<String, Object> security = new Hashtable<>();
        security.put("passwordIterations", 10_000);
        security.put("maxFailedLogins", 3);
        security.put("lockoutSeconds", LOCKOUT_SECONDS);
        security.put("minPasswordLength", 8);
        security.put("singleUser", singleUser);
        configuration("org.opsbench.security").update(security);
        freshDatabase();
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        deleteTree(folder);
    }

    /** Points the data source at a new empty database and waits for the security services on it. */
    public void freshDatabase() throws Exception {
        if (folder != null) {
            deleteTree(folder);
        }
        folder = Files.createTempDirectory("opsbench-security-");
        PostgresExtension pg = PostgresSuite.server();
        if (pg != null) {
            // the PostgreSQL suite: a new empty database on the run's server instead of a Derby folder
            pgDatabase = "security_" + DATABASES.incrementAndGet();
            pg.createDatabase(pgDatabase);
        }
        restart();
    }

    /** Re-creates the data source on the same database: every security component restarts (a "restart"). */
    public void restart() throws Exception {
        int generation = GENERATIONS.incrementAndGet();
        Hashtable<String, Object> properties = new Hashtable<>();
        PostgresExtension pg = PostgresSuite.server();
        if (pg != null) {
            properties.putAll(pg.dataSourceProperties(pgDatabase));
        } else {
            properties.put("url", "jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true");
        }
        properties.put("opsbench.test.generation", generation);
        configuration(Database.CONFIGURATION_PID).update(properties);
        ServiceReference<DataSource> ref = reference(DataSource.class,
                "(&" + Database.DEFAULT_DATASOURCE_FILTER + "(opsbench.test.generation=" + generation + "))");
        dataSourceId = (Long) ref.getProperty("service.id");
        // the components of this database, with the test settings
        reference(Authentication.class, "(&(service.id>=" + dataSourceId + ")(maxFailedLogins=3)(singleUser="
                + singleUser + "))");
    }

    /** The database folder (Derby's files; in the PostgreSQL suite the server's data folder). */
    public Path databaseFolder() {
        PostgresExtension pg = PostgresSuite.server();
        return pg != null ? pg.dataFolder() : folder.resolve("db");
    }

    /** The security folder of the workspace (key file, initial password). */
    public Path securityFolder() {
        return Path.of(context.getProperty(Database.WORKSPACE_PROPERTY)).resolve("security");
    }

    /** A service registered after the current data source. */
    public <T> T service(Class<T> type) throws Exception {
        return context.getService(reference(type, "(service.id>=" + dataSourceId + ")"));
    }

    /** A service of the framework, whoever registered it when. */
    public <T> T anyService(Class<T> type) throws Exception {
        return context.getService(reference(type, ""));
    }

    public DataSource dataSource() throws Exception {
        return context.getService(reference(DataSource.class, "(service.id=" + dataSourceId + ")"));
    }

    /** Runs SQL straight on the database, past every service (to tamper with it). */
    public int sql(String statement) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            return s.executeUpdate(statement);
        }
    }

    /** Logs in as the first start's admin, with the password from the initial password file. */
    public Principal admin() throws Exception {
        char[] password = Files.readString(securityFolder().resolve("initial-admin-password")).toCharArray();
        return service(Authentication.class).login("admin", password);
    }

    /** Makes the database write its caches to the files (so a grep of the files sees everything stored). */
    public void checkpoint() throws Exception {
        PostgresExtension pg = PostgresSuite.server();
        if (pg != null) {
            pg.psql("postgres", "CHECKPOINT");
            return;
        }
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> ServiceReference<T> reference(Class<T> type, String filter) throws Exception {
        String full = "(&(objectClass=" + type.getName() + ")" + filter + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter(full), null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(WAIT_MILLIS), "no service " + full);
            return tracker.getServiceReference();
        } finally {
            tracker.close();
        }
    }

    private Configuration configuration(String pid) throws Exception {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        assertNotNull(ref, "ConfigurationAdmin is not running");
        return context.getService(ref).getConfiguration(pid, "?");
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
