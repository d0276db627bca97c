package org.opsbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opsbench.persistence.Database;
import org.opsbench.persistence.internal.PooledDataSource;
import org.opsbench.testing.PostgresExtension;
import org.opsbench.testing.PostgresSuite;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * JUnit 5 fixture: before each test, points the shared data source (through ConfigAdmin) at a fresh embedded Derby
 * database in a temp folder (in the PostgreSQL suite: a fresh database on its server) and waits until the new data
 * source is registered. After all tests it removes the configuration (back to the workspace database) and deletes the
 * temp folders.
 */
public final class DerbyDatabase implements BeforeEachCallback, AfterAllCallback {

    /** Guard against a hang, not a timing expectation. */
    static final long WAIT_MILLIS = 60_000;
    /** A public config property: DS copies it to the service properties, so we can wait for our own generation. */
    private static final String GENERATION = "opsbench.test.generation";
    private static final AtomicInteger GENERATIONS = new AtomicInteger();

    private final BundleContext context = FrameworkUtil.getBundle(DerbyDatabase.class).getBundleContext();
    private final List<Path> folders = new ArrayList<>();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private Path folder;
    private String url;
    private Map<String, Object> base = Map.of();

    @Override
    public void beforeEach(ExtensionContext extension) throws Exception {
        folder = newFolder("db-");
        PostgresExtension pg = PostgresSuite.server();
        if (pg != null) {
            // the PostgreSQL suite: a fresh database on the run's server stands for the fresh Derby folder
            String database = "persistence_" + DATABASES.incrementAndGet();
            url = pg.createDatabase(database);
            base = pg.dataSourceProperties(database);
            configure(base);
            return;
        }
        useDatabase(folder.resolve("db"), Map.of());
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        configuration().delete();
        // the unconfigured data source (workspace database) replaces ours: only then are the temp databases shut down
        waitFor(DataSource.class, "(&" + Database.DEFAULT_DATASOURCE_FILTER + "(!(" + GENERATION + "=*)))");
        for (Path p : folders) {
            deleteTree(p);
        }
    }

    /** A new temp folder, deleted after all tests of the class. */
    public Path newFolder(String prefix) throws IOException {
        Path p = Files.createTempDirectory("opsbench-" + prefix);
        folders.add(p);
        return p;
    }

    /** The folder of this test's fresh database. */
    public Path folder() {
        return folder;
    }

    /** The JDBC URL the data source is configured with. */
    public String url() {
        return url;
    }

    /** Points the data source at the embedded database in {@code database} (created if missing). */
    public DataSource useDatabase(Path database, Map<String, Object> extra) throws Exception {
        url = "jdbc:derby:" + database.toAbsolutePath() + ";create=true";
        base = Map.of("url", url);
        Map<String, Object> properties = new java.util.HashMap<>(extra);
        properties.put("url", url);
        return configure(properties);
    }

    /** Re-creates the data source with the current URL and {@code extra} settings (for example a pool size). */
    public DataSource reconfigure(Map<String, Object> extra) throws Exception {
        Map<String, Object> properties = new java.util.HashMap<>(base);
        properties.putAll(extra);
        return configure(properties);
    }

    /** Applies {@code properties} (plus a new generation marker) and waits for the data source they produce. */
    public DataSource configure(Map<String, Object> properties) throws Exception {
        int generation = GENERATIONS.incrementAndGet();
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put(GENERATION, generation);
        configuration().update(dictionary);
        return waitFor(DataSource.class, "(&" + Database.DEFAULT_DATASOURCE_FILTER + "(" + GENERATION + "=" + generation
                + "))");
    }

    /** Only publishes the configuration, without waiting for a data source (for configurations that must fail). */
    public void configureWithoutWaiting(Map<String, Object> properties) throws Exception {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put(GENERATION, GENERATIONS.incrementAndGet());
        configuration().update(dictionary);
    }

    /** The shared data source now registered. */
    public DataSource dataSource() throws Exception {
        return waitFor(DataSource.class, Database.DEFAULT_DATASOURCE_FILTER);
    }

    /** The pool behind the shared data source. */
    public PooledDataSource pooled() throws Exception {
        return dataSource().unwrap(PooledDataSource.class);
    }

    /** A service of this framework, waited for. */
    public <T> T service(Class<T> type) throws Exception {
        return waitFor(type, "(objectClass=" + type.getName() + ")");
    }

    private <T> T waitFor(Class<T> type, String filter) throws InvalidSyntaxException, InterruptedException {
        Filter f = context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")");
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, f, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT_MILLIS);
            assertNotNull(service, "no " + type.getSimpleName() + " service matching " + filter);
            ServiceReference<T> ref = tracker.getServiceReference();
            // keep our own use count: the tracker's ends when it closes
            return context.getService(ref);
        } finally {
            tracker.close();
        }
    }

    private Configuration configuration() throws Exception {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        assertNotNull(ref, "ConfigurationAdmin is not running");
        return context.getService(ref).getConfiguration(Database.CONFIGURATION_PID, "?");
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
